package dev.vitals.api;

import java.util.Objects;
import java.util.Optional;

/**
 * One relation of the catalog, read in the direction it is written: {@code source type target}.
 *
 * <p>Types, as the catalog writes them: {@code dependsOn} (a component or resource needs the target),
 * {@code providesApi} and {@code consumesApi} (a component and an API), {@code partOf} (a component, API or resource
 * and its system; a subcomponent and its component), {@code ownedBy} (an entity and its team), {@code memberOf}
 * (a team and its parent team), {@code includes} (an availability component and a service), {@code scopes} (a program
 * and an availability component in scope) and {@code stakeholder} (a program and a team, with the team's
 * {@link #role()}).
 *
 * @param source the entity the relation is written on
 * @param type the relation
 * @param target the entity it points to; it may be missing from the catalog ({@link #targetKnown()} false)
 * @param targetKnown false when the target is not in the catalog: a dangling reference, kept rather than dropped
 * @param role the stakeholder's role for {@code stakeholder} relations, e.g. {@code sponsor}
 * @since 2.0.0
 */
public record CatalogRelation(EntityRef source, String type, EntityRef target, boolean targetKnown,
        Optional<String> role) {

    /**
     * Checks the parts.
     *
     * @since 2.0.0
     */
    public CatalogRelation {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(role, "role");
    }
}
