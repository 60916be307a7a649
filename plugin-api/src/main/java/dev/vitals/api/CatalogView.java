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

    /**
     * Every entity of one kind, such as all availability components or all programs, for plugins that publish a
     * signal per entity or list them; the catalog's size bounds the answer, so use it for kinds with few entities.
     *
     * @param kind the kind as the catalog writes it: {@code AvailabilityComponent}, {@code Program}, {@code Group},
     *     {@code System}, {@code Component}
     * @return its entities ordered by reference, possibly none
     * @since 1.1.0
     */
    List<CatalogEntity> entities(String kind);

    /**
     * The availability components a program has in scope.
     *
     * @param programRef the program, e.g. {@code program:default/availability} or just {@code availability}
     * @return its components ordered by reference, possibly none
     * @since 1.1.0
     */
    List<CatalogEntity> availabilityComponentsOf(String programRef);
}
