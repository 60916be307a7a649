package dev.vitals.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entity that was added, changed or removed since a catalog version, as it is now (see
 * {@link CatalogView#changesSince(long)}).
 *
 * @param ref its reference
 * @param entity the entity now; empty when the catalog no longer has it
 * @param relations every relation written on it now (it is their source), ordered by type and target, as
 *     {@link CatalogView#relations()} gives them; none when it was removed
 * @since 2.2.0
 */
public record CatalogChange(EntityRef ref, Optional<CatalogEntity> entity, List<CatalogRelation> relations) {

    /**
     * Checks the parts and keeps the relations as they are now.
     *
     * @since 2.2.0
     */
    public CatalogChange {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(entity, "entity");
        relations = List.copyOf(relations);
    }

    /**
     * @return true when the catalog no longer has the entity
     * @since 2.2.0
     */
    public boolean removed() {
        return entity.isEmpty();
    }
}
