package dev.vitals.core.signals;

import dev.vitals.api.SignalStatus;
import dev.vitals.core.catalog.Catalog;
import dev.vitals.core.catalog.CatalogOutline;
import dev.vitals.core.catalog.EntitySummary;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * The organisation's health grid as one query: services narrowed by team, system, program, availability component,
 * text, worst verdict and kind of signal, worst first (within one of those groupings, when grouped), a page of them,
 * and the totals over all that match: services per worst verdict, and per signal kind the services it warns about.
 * Filtering, grouping, counting and paging happen in the database, so a page costs the same at 40 services as at
 * 10,000. Each row comes with its precomputed worst signal per plugin ({@link WorstSignal}), so a page reads one row
 * per service whatever the number of plugins and signals.
 */
public final class OrgHealthQuery {

    private static final String COLUMNS = "e.ref, e.kind, e.namespace, e.name, e.title, e.description, e.spec_type, "
            + "e.lifecycle, e.owner_ref, e.system_ref, e.tags, e.orphaned";
    /** This process, as {@code core.grid_basis.set_by} names the instance that set the basis. */
    private static final String INSTANCE = UUID.randomUUID().toString();
    private static final String LOCK_NOT_AVAILABLE = "55P03";
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
     * @param plugins the plugins whose verdicts count (the started ones): a row's severity is the worst of theirs
     * @param severity only services whose worst verdict is this one
     * @param kind only services with a latest signal of this kind, from one of the plugins, that is WARN or CRITICAL
     */
    public record Selection(Optional<String> team, Optional<String> system, Optional<String> program,
            Optional<String> component, Optional<String> text, Optional<String> groupBy, List<String> plugins,
            Optional<Severity> severity, Optional<String> kind) {

        public Selection {
            plugins = List.copyOf(plugins);
        }

        /** The same services, whatever their severity or kinds: what the totals count. */
        Selection withoutVerdicts() {
            return new Selection(team, system, program, component, text, groupBy, plugins, Optional.empty(),
                    Optional.empty());
        }
    }

    /**
     * A service's worst verdict among the plugins that count, worst first; a service no plugin judged is
     * {@link #NONE}, after OK: nothing is known to be wrong with it, and nothing is known to be right.
     */
    public enum Severity {
        CRITICAL, WARN, UNKNOWN, OK, NONE;

        /** Higher is worse; the SQL ranks the same way. */
        int rank() {
            return 4 - ordinal();
        }

        static Severity ofRank(int rank) {
            return values()[4 - rank];
        }
    }

    /**
     * A service in the grid.
     *
     * @param service the service
     * @param group the reference of the team, system, program or component it is grouped under, or null
     * @param cells the service's row of {@code core.worst_signals} as its jsonb text, or null: kept unread, so that a
     *     page rendered before for rows equal to these need not read them again
     */
    public record Row(EntitySummary service, String group, String cells) {

        /** The worst latest signal about the service of each plugin that has any, by plugin id. */
        public Map<String, WorstSignal> worst() {
            return WorstSignal.byPlugin(cells);
        }
    }

    /**
     * One page of the grid.
     *
     * @param rows the services on this page, worst first (within their group when grouped), then by name
     * @param total how many services match
     * @param bySeverity how many services of the selection, before its severity and kind, have each worst verdict
     * @param byKind per signal kind, how many services of the selection, before its severity and kind, have a latest
     *     signal of that kind that is WARN or CRITICAL; most first
     */
    public record Result(List<Row> rows, long total, Map<Severity, Long> bySeverity, Map<String, Long> byKind) {
    }

    public Result page(Selection selection, int page, int size) {
        List<String> counted = selection.plugins().stream().sorted().distinct().toList();
        return jdbi.withHandle(h -> basisFits(h, counted) ? fromRows(h, selection, page, size)
                : fromCells(h, selection, page, size));
    }

    /**
     * Whether {@code core.grid_rows} ranks by these plugins. When it ranks by others, the basis is set to these, which
     * ranks every row anew, unless another instance set it in the last half minute: instances that disagree for a
     * moment (one has started a plugin, the other picks the switch up within 15 seconds) would otherwise rank every
     * row back and forth; meanwhile this one ranks per request from the cells. A basis held by a writer longer than
     * two seconds is left for the next request.
     */
    private static boolean basisFits(Handle h, List<String> plugins) {
        Basis basis = h.createQuery("SELECT plugins, set_by, now() - set_at > interval '30 seconds' AS settled "
                + "FROM core.grid_basis").map((rs, ctx) -> new Basis(List.of((String[]) rs.getArray("plugins")
                        .getArray()), rs.getString("set_by"), rs.getBoolean("settled"))).one();
        if (basis.plugins().equals(plugins)) {
            return true;
        }
        if (!basis.setBy().equals(INSTANCE) && !basis.settled()) {
            return false;
        }
        try {
            h.useTransaction(t -> {
                t.execute("SET LOCAL lock_timeout = '2s'");
                t.createCall("{call core.set_grid_basis(:plugins, :instance)}")
                        .bindArray("plugins", String.class, plugins).bind("instance", INSTANCE).invoke();
            });
            return true;
        } catch (JdbiException e) {
            if (e.getCause() instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    private record Basis(List<String> plugins, String setBy, boolean settled) {
    }

    /** The page from the precomputed rows: worst first straight from an index, the totals from their counters. */
    private Result fromRows(Handle h, Selection selection, int page, int size) {
        String where = rowsWhere(selection);
        String group = group(selection, "g");
        String grouped = group.equals("NULL") ? "" : "grid_group NULLS LAST, ";
        // Cut first, then join: a page looks up its 50 services and cells by key, however deep it is.
        List<Row> rows = rows(h, "SELECT " + COLUMNS + ", p.grid_group, w.by_plugin::text AS worst FROM ("
                + "SELECT g.ref, g.rank, g.sort_name, " + group + " AS grid_group FROM core.grid_rows g WHERE "
                + where + " ORDER BY " + grouped + "g.rank DESC, g.sort_name, g.ref LIMIT :limit OFFSET :offset"
                + ") p JOIN core.catalog_entities e ON e.ref = p.ref "
                + "LEFT JOIN core.worst_signals w ON w.subject = p.ref ORDER BY "
                + grouped.replace("grid_group", "p.grid_group") + "p.rank DESC, p.sort_name, p.ref",
                selection, page, size);
        Map<Severity, Long> bySeverity = noVerdicts();
        Map<String, Long> byKind = new LinkedHashMap<>();
        Selection everything = selection.withoutVerdicts();
        boolean wholeCatalog = unfiltered(everything);
        String whereAll = rowsWhere(everything);
        String counts = wholeCatalog
                ? "SELECT 'rank' AS what, rank::text AS key, n FROM core.grid_rank_counts WHERE n > 0 UNION ALL "
                        + "SELECT 'kind', kind, n FROM core.grid_kind_counts WHERE n > 0"
                : "SELECT 'rank' AS what, g.rank::text AS key, count(*) AS n FROM core.grid_rows g WHERE " + whereAll
                        + " GROUP BY g.rank UNION ALL SELECT 'kind', k.kind, count(*) FROM core.grid_rows g, "
                        + "unnest(g.warned_kinds) k (kind) WHERE " + whereAll + " GROUP BY k.kind";
        bind(h.createQuery(counts + " ORDER BY what, n DESC, key"), everything)
                .map((rs, ctx) -> new Count(rs.getString("what"), rs.getString("key"), rs.getLong("n")))
                .forEach(c -> {
                    if (c.what().equals("rank")) {
                        bySeverity.put(Severity.ofRank(Integer.parseInt(c.key())), c.n());
                    } else {
                        byKind.put(c.key(), c.n());
                    }
                });
        long total;
        if (unfiltered(selection)) {
            total = outline.count(Set.of("Component"));
        } else if (wholeCatalog && selection.kind().isEmpty()) {
            total = bySeverity.get(selection.severity().orElseThrow());
        } else if (wholeCatalog && selection.severity().isEmpty()) {
            total = byKind.getOrDefault(selection.kind().orElseThrow(), 0L);
        } else {
            total = bind(h.createQuery("SELECT count(*) FROM core.grid_rows g WHERE " + where), selection)
                    .mapTo(Long.class).one();
        }
        return new Result(rows, total, bySeverity, byKind);
    }

    private record Count(String what, String key, long n) {
    }

    /** The page ranked per request from the started plugins' cells: while the rows are ranked by other plugins. */
    private Result fromCells(Handle h, Selection selection, int page, int size) {
        String where = where(selection);
        String group = group(selection, "e");
        String severity = severity(selection.plugins());
        Selection everything = selection.withoutVerdicts();
        String whereAll = where(everything);
        boolean unfiltered = unfiltered(selection);
        long total = unfiltered ? outline.count(Set.of("Component"))
                : bind(h.createQuery("SELECT count(*) FROM core.catalog_entities e LEFT JOIN core.worst_signals w "
                        + "ON w.subject = e.ref WHERE " + where), selection).mapTo(Long.class).one();
        // Worst first needs each row's verdict before the cut: the cells are joined for the whole selection, and
        // the verdict is read from the started plugins' cells only (a few jsonb look-ups per row).
        List<Row> rows = rows(h, "SELECT " + COLUMNS + ", " + group + " AS grid_group, "
                + "w.by_plugin::text AS worst FROM core.catalog_entities e LEFT JOIN core.worst_signals w "
                + "ON w.subject = e.ref WHERE " + where + " ORDER BY "
                + (group.equals("NULL") ? "" : group + " NULLS LAST, ") + severity + " DESC, "
                + "lower(coalesce(e.title, e.name)), e.ref LIMIT :limit OFFSET :offset", selection, page, size);
        Map<Severity, Long> bySeverity = noVerdicts();
        bind(h.createQuery("SELECT " + severity + " AS rank, count(*) AS n FROM core.catalog_entities e "
                + "LEFT JOIN core.worst_signals w ON w.subject = e.ref WHERE " + whereAll + " GROUP BY 1"), everything)
                .map((rs, ctx) -> Map.entry(Severity.ofRank(rs.getInt("rank")), rs.getLong("n")))
                .forEach(e -> bySeverity.put(e.getKey(), e.getValue()));
        Map<String, Long> byKind = new LinkedHashMap<>();
        if (!selection.plugins().isEmpty()) {
            bind(h.createQuery("SELECT s.kind, count(DISTINCT s.subject) AS n FROM core.signal_latest s "
                    + "JOIN core.catalog_entities e ON e.ref = s.subject WHERE s.status IN ('WARN', 'CRITICAL') "
                    + "AND s.plugin IN (<plugins>) AND " + whereAll + " GROUP BY s.kind ORDER BY n DESC, s.kind"),
                    everything)
                    .map((rs, ctx) -> Map.entry(rs.getString("kind"), rs.getLong("n")))
                    .forEach(e -> byKind.put(e.getKey(), e.getValue()));
        }
        return new Result(rows, total, bySeverity, byKind);
    }

    /** A page of rows; the query selects the catalog's columns, {@code grid_group} and the cells as {@code worst}. */
    private static List<Row> rows(Handle h, String sql, Selection selection, int page, int size) {
        return bind(h.createQuery(sql), selection).bind("limit", size).bind("offset", (long) (page - 1) * size)
                .map((rs, ctx) -> new Row(Catalog.summary(rs), rs.getString("grid_group"), rs.getString("worst")))
                .list();
    }

    /** Every verdict at 0, so that the page names those no service has. */
    private static Map<Severity, Long> noVerdicts() {
        Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            bySeverity.put(s, 0L);
        }
        return bySeverity;
    }

    /**
     * The row's worst verdict as a rank (CRITICAL 4 … no signal 0), from the cells of the plugins that count; their
     * ids are bound, never written into the text.
     */
    private static String severity(List<String> plugins) {
        StringBuilder sql = new StringBuilder("GREATEST(0");
        for (int i = 0; i < plugins.size(); i++) {
            sql.append(", CASE w.by_plugin -> :plugin").append(i).append(" ->> 'status' WHEN 'CRITICAL' THEN 4 ")
                    .append("WHEN 'WARN' THEN 3 WHEN 'UNKNOWN' THEN 2 WHEN 'OK' THEN 1 ELSE 0 END");
        }
        return sql.append(")").toString();
    }

    private static boolean unfiltered(Selection s) {
        return s.team().isEmpty() && s.system().isEmpty() && s.program().isEmpty() && s.component().isEmpty()
                && s.text().isEmpty() && s.severity().isEmpty() && s.kind().isEmpty();
    }

    /** What a row is grouped under, over a service's columns ({@code e} the catalog's, {@code g} the grid's rows). */
    private static String group(Selection s, String alias) {
        return switch (s.groupBy().orElse("")) {
            case "team" -> alias + ".owner_ref";
            case "system" -> alias + ".system_ref";
            case "program" -> "(SELECT min(r.source_ref) FROM core.catalog_relations r "
                    + "WHERE r.target_ref = " + alias + ".ref AND r.type = 'inScope')";
            case "component" -> "(SELECT min(r.source_ref) FROM core.catalog_relations r "
                    + "WHERE r.target_ref = " + alias + ".ref AND r.type = 'includes')";
            default -> "NULL";
        };
    }

    /** The filters by team, system, program and component, over a service's columns as {@link #group} reads them. */
    private static StringBuilder places(Selection s, String alias, String first) {
        StringBuilder where = new StringBuilder(first);
        s.team().ifPresent(t -> where.append(" AND ").append(alias).append(".owner_ref = :team"));
        s.system().ifPresent(t -> where.append(" AND ").append(alias).append(".system_ref = :system"));
        s.program().ifPresent(p -> where.append(" AND ").append(alias).append(".ref IN (SELECT target_ref FROM "
                + "core.catalog_relations WHERE source_ref = :program AND type = 'inScope')"));
        s.component().ifPresent(c -> where.append(" AND ").append(alias).append(".ref IN (SELECT target_ref FROM "
                + "core.catalog_relations WHERE source_ref = :component AND type = 'includes')"));
        return where;
    }

    private static String where(Selection s) {
        StringBuilder where = places(s, "e", "e.kind = 'Component'");
        s.text().ifPresent(t -> where.append(" AND (e.name ILIKE :text OR e.title ILIKE :text)"));
        s.severity().ifPresent(v -> where.append(" AND ").append(severity(s.plugins())).append(" = :severity"));
        s.kind().ifPresent(k -> where.append(" AND EXISTS (SELECT 1 FROM core.signal_latest k WHERE k.subject = e.ref "
                + "AND k.kind = :kind AND k.status IN ('WARN', 'CRITICAL')"
                + (s.plugins().isEmpty() ? " AND false" : " AND k.plugin IN (<plugins>)") + ")"));
        return where.toString();
    }

    /** The same filters over {@code core.grid_rows g}, whose rows are the catalog's services. */
    private static String rowsWhere(Selection s) {
        StringBuilder where = places(s, "g", "true");
        s.text().ifPresent(t -> where.append(" AND g.ref IN (SELECT t.ref FROM core.catalog_entities t "
                + "WHERE t.kind = 'Component' AND (t.name ILIKE :text OR t.title ILIKE :text))"));
        s.severity().ifPresent(v -> where.append(" AND g.rank = :severity"));
        s.kind().ifPresent(k -> where.append(" AND :kind = ANY (g.warned_kinds)"));
        return where.toString();
    }

    private static <T extends SqlStatement<T>> T bind(T statement, Selection s) {
        // One binder for every query of the page; a query that does not filter on something leaves its value unused.
        statement.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
        s.team().ifPresent(t -> statement.bind("team", t));
        s.system().ifPresent(t -> statement.bind("system", t));
        s.program().ifPresent(t -> statement.bind("program", t));
        s.component().ifPresent(t -> statement.bind("component", t));
        s.text().ifPresent(t -> statement.bind("text", "%" + t.replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%"));
        for (int i = 0; i < s.plugins().size(); i++) {
            statement.bind("plugin" + i, s.plugins().get(i));
        }
        if (!s.plugins().isEmpty()) {
            statement.bindList("plugins", s.plugins());
        }
        s.severity().ifPresent(v -> statement.bind("severity", v.rank()));
        s.kind().ifPresent(k -> statement.bind("kind", k));
        return statement;
    }
}
