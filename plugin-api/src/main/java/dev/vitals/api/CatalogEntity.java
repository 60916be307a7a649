package dev.vitals.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A catalog entity as plugins see it: read-only, the fields plugins hang their numbers on.
 *
 * @param ref its reference; use it as the subject of signals and measures (an {@link EntityRef} since 2.0.0)
 * @param kind the kind as written: {@code Component} (a service), {@code Group} (a team), {@code System},
 *     {@code AvailabilityComponent}, {@code Program}…
 * @param name the name as written
 * @param title the display title (the name when it has none)
 * @param owner the owner's reference (an {@link EntityRef} since 2.0.0)
 * @param system the system's reference (an {@link EntityRef} since 2.0.0)
 * @param lifecycle e.g. {@code production}
 * @param tags its tags
 * @param annotations its annotations, e.g. {@code github.com/project-slug}
 * @since 1.0.0
 */
public record CatalogEntity(EntityRef ref, String kind, String name, String title, Optional<EntityRef> owner,
        Optional<EntityRef> system, Optional<String> lifecycle, List<String> tags, Map<String, String> annotations) {
}
