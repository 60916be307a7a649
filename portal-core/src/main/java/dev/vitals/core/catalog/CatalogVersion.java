package dev.vitals.core.catalog;

import org.jdbi.v3.core.Handle;

/**
 * The catalog's version row (migration V6): triggers raise it in every transaction that changes the catalog, and
 * {@link Catalog#outline()} caches under it.
 */
final class CatalogVersion {

    private CatalogVersion() {
    }

    /**
     * Takes the version row's lock before a transaction changes catalog rows. The triggers lock it after a statement
     * has locked its rows; a writer that changes more rows later would then wait for another writer that waits for
     * the version row — a deadlock. Locking it first puts every writer in the same order.
     */
    static void lock(Handle h) {
        h.createQuery("SELECT version FROM core.catalog_version FOR UPDATE").mapTo(Long.class).one();
    }
}
