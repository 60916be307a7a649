package dev.vitals.core.catalog;

import dev.vitals.api.EntityRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A catalog entity: what the portal needs of it lifted into fields, and the descriptor kept whole.
 *
 * @param ref its reference
 * @param kind the kind as written ({@code Component}, {@code Group}, {@code AvailabilityComponent}…)
 * @param name the name as written
 * @param title a display title
 * @param description one paragraph
 * @param tags the tags
 * @param specType {@code spec.type}
 * @param lifecycle {@code spec.lifecycle}
 * @param owner the owning team or person
 * @param system the system it is part of
 * @param relations its outgoing relations
 * @param document the descriptor as imported or edited
 */
public record Entity(EntityRef ref, String kind, String name, Optional<String> title, Optional<String> description,
        List<String> tags, Optional<String> specType, Optional<String> lifecycle, Optional<EntityRef> owner,
        Optional<EntityRef> system, List<Relation> relations, Map<String, Object> document) {

    /** The title when there is one, else the name. */
    public String displayName() {
        return title.orElse(name);
    }
}
