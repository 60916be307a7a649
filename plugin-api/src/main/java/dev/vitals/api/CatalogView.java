package dev.vitals.api;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only access to the portal's catalog. The host implements it; plugins never query catalog tables.
 *
 * @since 1.0.0
 */
public interface CatalogView {

    /**
     * @param ref an entity reference
     * @return the entity, when the catalog has it
     * @since 2.0.0
     */
    Optional<CatalogEntity> entity(EntityRef ref);

    /**
     * Several entities in one read, for a request that names many (a batch of events over 1,000 services asks once
     * instead of 1,000 times). The default asks {@link #entity} for each; the host reads them all at once.
     *
     * @param refs entity references
     * @return the entities the catalog has, keyed by the reference asked for; a reference it lacks has no entry
     * @since 2.1.0
     */
    default Map<EntityRef, CatalogEntity> entities(Collection<EntityRef> refs) {
        Map<EntityRef, CatalogEntity> found = new LinkedHashMap<>();
        for (EntityRef ref : refs) {
            entity(ref).ifPresent(entity -> found.put(ref, entity));
        }
        return found;
    }

    /** @return every service (Backstage {@code Component}), orphaned ones included */
    List<CatalogEntity> services();

    /**
     * The services an entity stands for: those a team owns, a system or availability component contains, or a
     * program has in scope.
     *
     * @param ref the team, system, availability component or program
     * @return its services, possibly none
     * @since 2.0.0
     */
    List<CatalogEntity> servicesOf(EntityRef ref);

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
     * @param program the program
     * @return its components ordered by reference, possibly none
     * @since 2.0.0
     */
    List<CatalogEntity> availabilityComponentsOf(EntityRef program);

    /**
     * Every relation in the catalog, in one read, for plugins that build their own view of the whole organisation
     * (a dependency graph, a team map). Dangling references are included, marked.
     *
     * @return all relations, ordered by source, type and target
     * @since 2.0.0
     */
    List<CatalogRelation> relations();

    /**
     * What changed since a version this view gave ({@link #version()}, or an earlier answer's
     * {@link CatalogChanges#version()}): every entity added, changed or removed since, with the relations written on
     * it now, all read at one version. A plugin that keeps what it derived from the whole catalog applies these
     * instead of reading it all again.
     *
     * <p>A relation is written on its source, so the relations of an entity that is not listed are as they were,
     * except whether their target is in the catalog ({@link CatalogRelation#targetKnown()}): that follows the listed
     * entities, each now present or removed. An entity written several times is listed once, as it is now; a listed
     * entity may look unchanged to a plugin when a write changed only what this view does not show.
     *
     * <p>The host forgets removals after a while. The default, for a host or a view that keeps no changes, is empty.
     *
     * @param version a version this view gave
     * @return the changes since that version, none when it is the current one; empty when the host cannot tell (the
     *     version is older than what it remembers, or not one it gave): then read the whole catalog again
     * @since 2.2.0
     */
    default Optional<CatalogChanges> changesSince(long version) {
        return Optional.empty();
    }

    /**
     * A number that changes whenever the catalog does (an import, an edit, a source refresh). Cache what you derive
     * from the catalog under it and rebuild when it changes.
     *
     * @return the current version
     * @since 2.0.0
     */
    long version();
}
