package dev.vitals.core.signals;

import dev.vitals.api.SignalStatus;
import dev.vitals.core.catalog.Catalog;
import dev.vitals.core.catalog.CatalogOutline;
import dev.vitals.core.catalog.EntitySummary;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The organisation's health grid as one query: services narrowed by team, system, program, availability component
 * and text, optionally ordered by one of those groupings, a page of them, and the signal counts over all that match.
 * Filtering, grouping, counting and paging happen in the database, so a page costs the same at 40 services as at
 * 10,000. Each row comes with its precomputed worst signal per plugin ({@link WorstSignal}), so a page reads one row
 * per service whatever the number of plugins and signals.
 */
public final class OrgHealthQuery {

    private static final String COLUMNS = "e.ref, e.kind, e.namespace, e.name, e.title, e.description, e.spec_type, "
            + "e.lifecycle, e.owner_ref, e.system_ref, e.tags, e.orphaned";
    private final Jdbi jdbi;
    private final CatalogOutline outline;

    /**
     * @param jdbi the host's database
     * @param outline the catalog's outline as the request read it: unfiltered, the total comes from it
     */
    public OrgHealthQuery(Jdbi jdbi, CatalogOutline outline) {
        this.jdbi = jdbi;
        this.outline = outline;
    }

    /**
     * Which services the grid shows.
     *
     * @param team a group reference, or empty
     * @param system a system reference, or empty
     * @param program a program reference: its services in scope
     * @param component an availability component reference: its services
     * @param text words in the name or title
     * @param groupBy {@code team}, {@code system}, {@code program}, {@code component}, or empty
     */
    public record Selection(Optional<String> team, Optional<String> system, Optional<String> program,
            Optional<String> component, Optional<String> text, Optional<String> groupBy) {
    }

    /**
     * A service in the grid.
     *
     * @param service the service
     * @param group the reference of the team, system, program or component it is grouped under, or null
     * @param worst the worst latest signal about the service of each plugin that has any, by plugin id
     */
    public record Row(EntitySummary service, String group, Map<String, WorstSignal> worst) {
    }

    /**
     * One page of the grid.
     *
     * @param rows the services on this page
     * @param total how many services match
     * @param counts how many latest signals of the matching services have each status
     */
    public record Result(List<Row> rows, long total, Map<SignalStatus, Long> counts) {
    }

    public Result page(Selection selection, int page, int size) {
        String where = where(selection);
        String group = switch (selection.groupBy().orElse("")) {
            case "team" -> "e.owner_ref";
            case "system" -> "e.system_ref";
            case "program" -> "(SELECT min(r.source_ref) FROM core.catalog_relations r "
                    + "WHERE r.target_ref = e.ref AND r.type = 'inScope')";
            case "component" -> "(SELECT min(r.source_ref) FROM core.catalog_relations r "
                    + "WHERE r.target_ref = e.ref AND r.type = 'includes')";
            default -> "NULL";
        };
        boolean unfiltered = unfiltered(selection);
        return jdbi.withHandle(h -> {
            long total = unfiltered ? outline.count(Set.of("Component"))
                    : bind(h.createQuery("SELECT count(*) FROM core.catalog_entities e WHERE " + where), selection)
                            .mapTo(Long.class).one();
            // The page is cut first and only its rows look up their cells: joined before the cut, every row a later
            // page skips would fetch and convert its cells too.
            List<Row> rows = bind(h.createQuery("SELECT p.*, w.by_plugin::text AS worst FROM (SELECT " + COLUMNS + ", "
                            + group + " AS grid_group, lower(coalesce(e.title, e.name)) AS grid_title "
                            + "FROM core.catalog_entities e WHERE " + where + " ORDER BY "
                            + (group.equals("NULL") ? "" : group + " NULLS LAST, ") + "lower(coalesce(e.title, e.name)), e.ref "
                            + "LIMIT :limit OFFSET :offset) p LEFT JOIN core.worst_signals w ON w.subject = p.ref "
                            + "ORDER BY p.grid_group NULLS LAST, p.grid_title, p.ref"), selection)
                    .bind("limit", size).bind("offset", (long) (page - 1) * size)
                    .map((rs, ctx) -> new Row(Catalog.summary(rs), rs.getString("grid_group"),
                            WorstSignal.byPlugin(rs.getString("worst")))).list();
            Map<SignalStatus, Long> counts = new EnumMap<>(SignalStatus.class);
            // Unfiltered, the counts are those of every signal about a component, which a trigger keeps in
            // signal_status_counts as signals are saved; filtered, each signal is checked with a key lookup.
            String countSql = unfiltered
                    ? "SELECT status, n FROM core.signal_status_counts WHERE subject_kind = 'component' AND n > 0"
                    : "SELECT s.status, count(*) AS n FROM core.signal_latest s WHERE EXISTS (SELECT 1 "
                            + "FROM core.catalog_entities e WHERE e.ref = s.subject AND " + where + ") GROUP BY s.status";
            bind(h.createQuery(countSql), selection)
                    .map((rs, ctx) -> Map.entry(SignalStatus.valueOf(rs.getString(1)), rs.getLong(2)))
                    .forEach(e -> counts.put(e.getKey(), e.getValue()));
            return new Result(rows, total, counts);
        });
    }

    private static boolean unfiltered(Selection s) {
        return s.team().isEmpty() && s.system().isEmpty() && s.program().isEmpty() && s.component().isEmpty()
                && s.text().isEmpty();
    }

    private static String where(Selection s) {
        StringBuilder where = new StringBuilder("e.kind = 'Component'");
        s.team().ifPresent(t -> where.append(" AND e.owner_ref = :team"));
        s.system().ifPresent(t -> where.append(" AND e.system_ref = :system"));
        s.program().ifPresent(p -> where.append(" AND e.ref IN (SELECT target_ref FROM core.catalog_relations "
                + "WHERE source_ref = :program AND type = 'inScope')"));
        s.component().ifPresent(c -> where.append(" AND e.ref IN (SELECT target_ref FROM core.catalog_relations "
                + "WHERE source_ref = :component AND type = 'includes')"));
        s.text().ifPresent(t -> where.append(" AND (e.name ILIKE :text OR e.title ILIKE :text)"));
        return where.toString();
    }

    private static <T extends SqlStatement<T>> T bind(T statement, Selection s) {
        s.team().ifPresent(t -> statement.bind("team", t));
        s.system().ifPresent(t -> statement.bind("system", t));
        s.program().ifPresent(t -> statement.bind("program", t));
        s.component().ifPresent(t -> statement.bind("component", t));
        s.text().ifPresent(t -> statement.bind("text", "%" + t.replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%"));
        return statement;
    }
}
