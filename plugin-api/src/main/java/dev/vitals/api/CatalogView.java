package dev.vitals.api;

import java.util.List;
import java.util.Optional;

/** Read-only access to the portal's catalog. The host implements it; plugins never query catalog tables. */
public interface CatalogView {

    /**
     * @param ref an entity reference; kind and namespace may be left out for services ({@code artist-lookup})
     * @return the entity, when the catalog has it
     */
    Optional<CatalogEntity> entity(String ref);

    /** @return every service (Backstage {@code Component}), orphaned ones included */
    List<CatalogEntity> services();

    /**
     * The services an entity stands for: those a team owns, a system or availability component contains, or a
     * program has in scope.
     *
     * @param ref the team, system, availability component or program
     * @return its services, possibly none
     */
    List<CatalogEntity> servicesOf(String ref);
}
