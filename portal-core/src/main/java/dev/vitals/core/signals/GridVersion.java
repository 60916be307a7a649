package dev.vitals.core.signals;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * What the home grid is read from, as of one moment, in one small read: the catalog version (entities, relations:
 * the option lists, the rows' names and groups), the count of the grid's changes (cells, ranks, totals and basis:
 * migration V16 adds one per changing transaction) and the plugins its rows are ranked by. Two reads that give the
 * same catalog version and the same count of changes, the later after the earlier, saw no change to any of it in
 * between; so a page rendered after reading a version may be shown again to every request that reads the same
 * version, whoever wrote what since (another instance, an import in another process, a trigger).
 *
 * <p>Read it <em>before</em> the page: a page read after may be newer than the version it is kept under, which only
 * costs a page rendered again, while a page read before could be older than its version and shown stale.
 *
 * @param catalog the catalog version ({@code core.catalog_version})
 * @param changes the count of the grid's changes ({@code core.grid_changes}, summed)
 * @param basis the plugins the grid's rows are ranked by, sorted ({@code core.grid_basis})
 */
public record GridVersion(long catalog, long changes, List<String> basis) {

    public GridVersion {
        basis = List.copyOf(basis);
    }

    public static GridVersion read(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT (SELECT version FROM core.catalog_version) AS catalog, "
                + "(SELECT sum(n) FROM core.grid_changes)::bigint AS changes, "
                + "(SELECT plugins FROM core.grid_basis) AS basis")
                .map((rs, ctx) -> new GridVersion(rs.getLong("catalog"), rs.getLong("changes"),
                        List.of((String[]) rs.getArray("basis").getArray())))
                .one());
    }

    /** Whether the grid's rows are ranked by these plugins, so that a page is read from them and not per request. */
    public boolean ranksBy(List<String> plugins) {
        return basis.equals(plugins.stream().sorted().distinct().toList());
    }
}
