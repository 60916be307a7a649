package dev.vitals.api;

import java.util.List;

/**
 * What changed in the catalog between two of its versions, read at one moment (see
 * {@link CatalogView#changesSince(long)}).
 *
 * @param since the version asked from
 * @param version the catalog's version these changes bring a reader to; ask from it next time
 * @param changes every entity added, changed or removed after {@code since} up to {@code version}, each once, as it
 *     is now, ordered by reference; none when the version has not moved
 * @since 2.2.0
 */
public record CatalogChanges(long since, long version, List<CatalogChange> changes) {

    /**
     * Keeps the changes as they are.
     *
     * @since 2.2.0
     */
    public CatalogChanges {
        changes = List.copyOf(changes);
    }
}
