package dev.vitals.web.home;

import dev.vitals.api.EntityRef;
import dev.vitals.api.PluginUrls;
import dev.vitals.api.SignalStatus;
import dev.vitals.api.ui.StatusBadge;
import dev.vitals.api.ui.EntityFilter;
import dev.vitals.api.ui.Pager;
import dev.vitals.core.Vitals;
import dev.vitals.core.catalog.CatalogOutline;
import dev.vitals.core.catalog.EntitySummary;
import dev.vitals.core.pluginhost.HostedPlugin;
import dev.vitals.core.signals.GridVersion;
import dev.vitals.core.signals.OrgHealthQuery;
import dev.vitals.core.signals.OrgHealthQuery.Severity;
import dev.vitals.core.signals.WorstSignal;
import dev.vitals.web.catalog.Collection;
import dev.vitals.web.catalog.StatusCell;
import dev.vitals.web.pages.Layout;
import dev.vitals.web.pages.Templates;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /}: the organisation's health at a glance, worst first. One row per service, ordered by its worst verdict
 * among the started plugins (Critical, Warning, Unknown, OK, then no signal) and then by name, with that verdict's
 * reason in words; one column per started plugin, each cell the worst of that plugin's signals about the service,
 * read precomputed with the page's rows ({@link WorstSignal}). Above the grid, totals that are links: services per
 * worst verdict, and per kind of signal the services it warns about. Filter by team, system, program or availability
 * component (short keys such as {@code team=identity}, full references accepted), verdict and kind, and group rows.
 */
public final class HealthGrid {

    private static final int PAGE_SIZE = 50;
    private static final Set<String> GROUPINGS = Set.of("team", "system", "program", "component");
    /** Every query parameter the grid reads; the total cards keep the others when they set theirs. */
    private static final List<String> PARAMETERS = List.of("text", "team", "system", "program", "component", "status",
            "kind", "group");
    private final Vitals vitals;
    private final Layout layout;
    private final RenderedGrids rendered = new RenderedGrids();

    public HealthGrid(Vitals vitals, Layout layout) {
        this.vitals = vitals;
        this.layout = layout;
    }

    /**
     * One filter or grouping dimension.
     *
     * @param param its query parameter
     * @param label how the page names it
     * @param options the entities to choose from
     * @param filter the value given and whether it names one of them
     */
    public record Dimension(String param, String label, List<EntitySummary> options, EntityFilter filter,
            String chosen) {

        public Dimension(String param, String label, List<EntitySummary> options, EntityFilter filter) {
            this(param, label, options, filter, filter.ref().map(EntityRef::toString).orElse(""));
        }

        /** Whether an option is the one chosen; asked of every option of every list, so the choice is read once. */
        public boolean selects(EntitySummary option) {
            return !chosen.isEmpty() && chosen.equals(option.ref());
        }
    }

    /**
     * One service's row.
     *
     * @param service the service
     * @param href its page
     * @param group the heading it falls under when grouped, or empty
     * @param cells one per plugin column
     * @param worst the cell that sets the row's place: its worst, first among equals in column order
     * @param reasonFrom the column that cell is in, empty when no plugin judged the service
     */
    public record GridRow(EntitySummary service, String href, String group, List<StatusCell> cells, StatusCell worst,
            String reasonFrom) {

        /**
         * The Worst column's badge: the word and the link, without the reason, which the Why column beside it reads
         * out; repeated in the badge's title and read-out text it was a third of the page.
         */
        public StatusBadge worstBadge() {
            StatusBadge badge = worst.status().equals("none") ? StatusBadge.noSignal()
                    : StatusBadge.of(SignalStatus.valueOf(worst.status().toUpperCase(Locale.ROOT)));
            return badge.because("").compact().linkedTo(worst.href());
        }
    }

    /**
     * A plugin column.
     *
     * @param id the plugin id
     * @param name how the column is headed: the plugin's display name
     * @param tabId the service tab the column's cells open when a signal has no link of its own, or null
     */
    public record Column(String id, String name, String tabId) {
    }

    /**
     * A total above the grid, a link that filters the grid to what it counts.
     *
     * @param count how many services
     * @param label what they are
     * @param css the look: a status class, or empty
     * @param href the grid filtered to them
     * @param current whether the grid is filtered to them now
     */
    public record Total(long count, String label, String css, String href, boolean current) {
    }

    /**
     * A choice of a select that is not an entity: a verdict or a kind.
     *
     * @param value the parameter value
     * @param label how the option reads
     */
    public record Choice(String value, String label) {
    }

    public void render(Context ctx) {
        // Bad input is refused before a kept page could answer it.
        int page = ctx.queryParam("page") == null ? 1
                : ctx.queryParamAsClass("page", Integer.class).check(p -> p >= 1, "must be 1 or more").get();
        List<Column> columns = new ArrayList<>();
        for (HostedPlugin plugin : vitals.plugins().plugins()) {
            if (plugin.isStarted()) {
                columns.add(new Column(plugin.id(), plugin.displayName(), plugin.serviceTabs().isEmpty() ? null
                        : plugin.id() + "." + plugin.serviceTabs().get(0).id()));
            }
        }
        // One small read tells whether anything the page is read from changed since a page was kept; only pages read
        // from the ranked rows are kept: while another instance holds the basis, the grid ranks per request.
        GridVersion version = GridVersion.read(vitals.database().jdbi());
        boolean keepable = version.ranksBy(columns.stream().map(Column::id).toList());
        RenderedGrids.Key key = new RenderedGrids.Key(Optional.ofNullable(ctx.queryString()).orElse(""),
                List.copyOf(columns), version);
        Optional<byte[]> kept = keepable ? rendered.body(key) : Optional.empty();
        byte[] body = kept.orElseGet(() -> {
            byte[] fresh = body(ctx, columns, page, vitals.catalog().outline(version.catalog()));
            if (keepable) {
                rendered.keep(key, fresh);
            }
            return fresh;
        });
        layout.render(ctx, "Engineering health", body);
    }

    /** The grid's body read and rendered anew, after its {@link GridVersion} was read. */
    private byte[] body(Context ctx, List<Column> columns, int page, CatalogOutline outline) {
        String groupBy = Optional.ofNullable(ctx.queryParam("group")).filter(GROUPINGS::contains).orElse("");
        List<Dimension> dimensions = new ArrayList<>();
        for (String[] d : new String[][] {{"team", "Team"}, {"system", "System"}, {"program", "Program"},
                {"component", "Availability component"}}) {
            Collection collection = switch (d[0]) {
                case "team" -> Collection.TEAMS;
                case "system" -> Collection.SYSTEMS;
                case "program" -> Collection.PROGRAMS;
                default -> Collection.COMPONENTS;
            };
            List<EntitySummary> options = outline.all(collection.kinds());
            EntityFilter filter = EntityFilter.read(ctx, d[0], collection.kind());
            String chosen = filter.ref().map(EntityRef::toString).orElse("");
            if (!chosen.isEmpty() && options.stream().noneMatch(o -> o.ref().equals(chosen))) {
                filter = filter.unknown("There is no " + collection.singular() + " '" + filter.value()
                        + "' in the catalog: pick one from the list.");
            }
            dimensions.add(new Dimension(d[0], d[1], options, filter));
        }
        String text = Optional.ofNullable(ctx.queryParam("text")).orElse("").trim();
        String statusValue = Optional.ofNullable(ctx.queryParam("status")).orElse("").trim().toLowerCase(Locale.ROOT);
        Optional<Severity> severity = severity(statusValue);
        String kind = Optional.ofNullable(ctx.queryParam("kind")).orElse("").trim();
        OrgHealthQuery.Selection selection = new OrgHealthQuery.Selection(ref(dimensions, 0), ref(dimensions, 1),
                ref(dimensions, 2), ref(dimensions, 3), Optional.of(text).filter(t -> !t.isEmpty()),
                Optional.of(groupBy).filter(g -> !g.isEmpty()), columns.stream().map(Column::id).toList(), severity,
                Optional.of(kind).filter(k -> !k.isEmpty()));
        OrgHealthQuery.Result result = new OrgHealthQuery(vitals.database().jdbi(), outline).page(selection, page, PAGE_SIZE);
        return Templates.render("home.jte", params(ctx, dimensions, columns, selection, page, outline, result))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** What the body is rendered from: all of it follows from the {@link RenderedGrids.Key} of the request. */
    private static Map<String, Object> params(Context ctx, List<Dimension> dimensions, List<Column> columns,
            OrgHealthQuery.Selection selection, int page, CatalogOutline outline, OrgHealthQuery.Result result) {
        String groupBy = selection.groupBy().orElse("");
        String text = selection.text().orElse("");
        String statusValue = Optional.ofNullable(ctx.queryParam("status")).orElse("").trim().toLowerCase(Locale.ROOT);
        Optional<Severity> severity = selection.severity();
        String statusError = !statusValue.isEmpty() && severity.isEmpty() ? "'" + statusValue + "' is no status: "
                + "choose critical, warn, unknown, ok or none." : "";
        String kind = selection.kind().orElse("");
        List<GridRow> rows = new ArrayList<>();
        for (OrgHealthQuery.Row row : result.rows()) {
            EntitySummary service = row.service();
            String href = Collection.href(service.ref());
            Map<String, WorstSignal> worstByPlugin = row.worst();
            List<StatusCell> cells = columns.stream().map(c -> cell(worstByPlugin.get(c.id()),
                    c.tabId() == null ? href : href + "?tab=" + c.tabId())).toList();
            int worst = 0;
            for (int i = 1; i < cells.size(); i++) {
                if (cells.get(i).severity() > cells.get(worst).severity()) {
                    worst = i;
                }
            }
            boolean judged = !cells.isEmpty() && !cells.get(worst).status().equals("none");
            String group = groupBy.isEmpty() ? "" : row.group() == null ? "(none)" : EntitySummary.nameOf(row.group());
            rows.add(new GridRow(service, href, group, cells,
                    judged ? cells.get(worst) : StatusCell.of(List.of(), href),
                    judged ? columns.get(worst).name() : ""));
        }
        Map<String, Object> params = new HashMap<>();
        params.put("rows", rows);
        params.put("columns", columns);
        params.put("dimensions", dimensions);
        params.put("groupBy", groupBy);
        params.put("text", text);
        params.put("status", statusValue);
        params.put("statusError", statusError);
        params.put("statuses", Arrays.stream(Severity.values()).map(s -> new Choice(value(s), label(s))).toList());
        params.put("kind", kind);
        params.put("kinds", result.byKind().keySet().stream().map(k -> new Choice(k, k)).toList());
        params.put("severityTotals", severityTotals(ctx, result, severity, kind));
        params.put("kindTotals", kindTotals(ctx, result, kind));
        params.put("serviceCount", (int) result.total());
        params.put("allHref", link(ctx, Map.of("status", "", "kind", "")));
        params.put("catalogEmpty", result.total() == 0 && outline.isEmpty() && selection.severity().isEmpty());
        params.put("pager", Pager.of(ctx, page, PAGE_SIZE, result.total()));
        return params;
    }

    private static List<Total> severityTotals(Context ctx, OrgHealthQuery.Result result, Optional<Severity> chosen,
            String kind) {
        List<Total> totals = new ArrayList<>();
        for (Severity s : Severity.values()) {
            long n = result.bySeverity().getOrDefault(s, 0L);
            // Critical and warnings always show, so "0 critical" is said; the rest only when there are some.
            if (n > 0 || s == Severity.CRITICAL || s == Severity.WARN) {
                totals.add(new Total(n, switch (s) {
                    case CRITICAL -> "critical";
                    case WARN -> "warnings";
                    case UNKNOWN -> "unknown";
                    case OK -> "OK";
                    case NONE -> "no signal";
                }, "status-" + value(s), link(ctx, Map.of("status", value(s), "kind", "")),
                        chosen.equals(Optional.of(s)) && kind.isEmpty()));
            }
        }
        return totals;
    }

    private static List<Total> kindTotals(Context ctx, OrgHealthQuery.Result result, String kind) {
        List<Total> totals = new ArrayList<>();
        result.byKind().forEach((k, n) -> totals.add(new Total(n, k, "", link(ctx, Map.of("kind", k, "status", "")),
                k.equals(kind))));
        return totals;
    }

    /** The grid's own URL with its filters but these values changed (empty drops one), back on the first page. */
    private static String link(Context ctx, Map<String, String> changed) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String p : PARAMETERS) {
            String value = changed.containsKey(p) ? changed.get(p) : ctx.queryParam(p);
            if (value != null && !value.isBlank()) {
                query.put(p, value);
            }
        }
        return PluginUrls.withQuery("/", query);
    }

    private static Optional<Severity> severity(String value) {
        return Arrays.stream(Severity.values()).filter(s -> value(s).equals(value)).findFirst();
    }

    private static String value(Severity s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    /** The status words every page uses (StatusBadge's). */
    private static String label(Severity s) {
        return s == Severity.NONE ? StatusBadge.noSignal().word() : StatusBadge.label(SignalStatus.valueOf(s.name()));
    }

    private static Optional<String> ref(List<Dimension> dimensions, int i) {
        return dimensions.get(i).filter().ref().map(EntityRef::toString);
    }

    /**
     * A plugin's cell from its precomputed worst signal; the columns are the started plugins, so others never show. A
     * plugin that has not judged the service says "No signal" without a reason: "no signal yet" read out after it
     * says nothing more, and on a grid of mostly unjudged cells it was a good part of the page.
     */
    private static StatusCell cell(WorstSignal worst, String fallbackHref) {
        return worst == null ? new StatusCell("none", "", fallbackHref)
                : new StatusCell(worst.status().name().toLowerCase(Locale.ROOT), worst.summary(),
                        worst.link().orElse(fallbackHref));
    }
}
