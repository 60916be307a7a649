package dev.vitals.core.catalog;

import org.jdbi.v3.core.Jdbi;

/**
 * The tombstones of removed entities: rows of {@code core.catalog_changes} (migration V17) whose entity the catalog no
 * longer has, each with the version that removed it. They let a reader learn of a removal since the version it read;
 * they are kept for the newest removals only, and pruning the older ones moves the version from which changes can be
 * told past them, so that a reader from before is told to read everything rather than miss a removal.
 */
public final class CatalogTombstones {

    /** How many of the newest removals are remembered. */
    public static final int KEPT = 10_000;

    private final Jdbi jdbi;

    public CatalogTombstones(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * @param keep how many of the newest tombstones to keep
     * @return how many were pruned
     */
    public int prune(int keep) {
        return jdbi.inTransaction(h -> {
            // Under the version row's lock no writer stamps a removal meanwhile.
            CatalogVersion.lock(h);
            Long upTo = h.createQuery("""
                            SELECT c.version FROM core.catalog_changes c
                             WHERE NOT EXISTS (SELECT 1 FROM core.catalog_entities e WHERE e.ref = c.ref)
                             ORDER BY c.version DESC OFFSET :keep LIMIT 1""")
                    .bind("keep", keep).mapTo(Long.class).findOne().orElse(null);
            if (upTo == null) {
                return 0;
            }
            int pruned = h.createUpdate("""
                            DELETE FROM core.catalog_changes c WHERE c.version <= :upTo
                               AND NOT EXISTS (SELECT 1 FROM core.catalog_entities e WHERE e.ref = c.ref)""")
                    .bind("upTo", upTo).execute();
            h.createUpdate("UPDATE core.catalog_version SET changes_from = greatest(changes_from, :upTo)")
                    .bind("upTo", upTo).execute();
            return pruned;
        });
    }
}
