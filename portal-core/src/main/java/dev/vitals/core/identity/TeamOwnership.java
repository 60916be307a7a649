package dev.vitals.core.identity;

import java.util.Optional;

/**
 * Which team owns an entity of the catalog (a service, an SLO, a backlog item), so that an editor's change can be
 * checked against the teams they edit for.
 */
@FunctionalInterface
public interface TeamOwnership {

    /** Knows no owner for anything: until the catalog answers, only admins and all-team tokens may edit. */
    TeamOwnership UNKNOWN = entity -> Optional.empty();

    /**
     * @param entity a catalog reference such as {@code component:default/artist-lookup}
     * @return the owning team's key, or empty when the entity or its owner is unknown
     */
    Optional<String> ownerOf(String entity);

    /** Whether the caller may change the entity: admins and all-team tokens always, editors of its owner only. */
    default boolean mayEdit(Access access, String entity) {
        return access.editsEveryTeam() || ownerOf(entity).map(access.editorOf()::contains).orElse(false);
    }
}
