package dev.vitals.web.home;

import dev.vitals.api.SignalStatus;
import dev.vitals.api.ui.Pager;
import dev.vitals.core.Vitals;
import dev.vitals.core.signals.OrgHealthQuery;
import dev.vitals.core.signals.WorstSignal;
import dev.vitals.core.catalog.CatalogOutline;
import dev.vitals.core.catalog.EntitySummary;
import dev.vitals.core.pluginhost.HostedPlugin;
import dev.vitals.web.catalog.Collection;
import dev.vitals.web.catalog.StatusCell;
import dev.vitals.web.pages.Layout;
import dev.vitals.web.pages.Templates;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /}: the organisation's health at a glance. One row per service, one column per started plugin, each cell the
 * worst of that plugin's signals about the service, read precomputed with the page's rows ({@link WorstSignal}).
 * Filter by team, system, program or availability component, and group rows by any of them.
 */
public final class HealthGrid {

    private static final int PAGE_SIZE = 50;
    private static final Set<String> GROUPINGS = Set.of("team", "system", "program", "component");
    private final Vitals vitals;
    private final Layout layout;

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
     * @param selected the chosen entity's reference, or empty
     */
    public record Dimension(String param, String label, List<EntitySummary> options, String selected) {
    }

    /**
     * One service's row.
     *
     * @param service the service
     * @param href its page
     * @param group the heading it falls under when grouped, or empty
     * @param cells one per plugin column
     */
    public record GridRow(EntitySummary service, String href, String group, List<StatusCell> cells) {
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

    public void render(Context ctx) {
        String groupBy = Optional.ofNullable(ctx.queryParam("group")).filter(GROUPINGS::contains).orElse("");
        CatalogOutline outline = vitals.catalog().outline();
        List<Dimension> dimensions = new ArrayList<>();
        for (String[] d : new String[][] {{"team", "Team"}, {"system", "System"}, {"program", "Program"},
                {"component", "Availability component"}}) {
            Collection collection = switch (d[0]) {
                case "team" -> Collection.TEAMS;
                case "system" -> Collection.SYSTEMS;
                case "program" -> Collection.PROGRAMS;
                default -> Collection.COMPONENTS;
            };
            dimensions.add(new Dimension(d[0], d[1], outline.all(collection.kinds()),
                    Optional.ofNullable(ctx.queryParam(d[0])).orElse("")));
        }
        String text = Optional.ofNullable(ctx.queryParam("text")).orElse("").trim();
        OrgHealthQuery.Selection selection = new OrgHealthQuery.Selection(param(ctx, "team"), param(ctx, "system"),
                param(ctx, "program"), param(ctx, "component"), Optional.of(text).filter(t -> !t.isEmpty()),
                Optional.of(groupBy).filter(g -> !g.isEmpty()));
        int page = ctx.queryParam("page") == null ? 1
                : ctx.queryParamAsClass("page", Integer.class).check(p -> p >= 1, "must be 1 or more").get();
        OrgHealthQuery.Result result = new OrgHealthQuery(vitals.database().jdbi(), outline).page(selection, page, PAGE_SIZE);

        List<Column> columns = new ArrayList<>();
        for (HostedPlugin plugin : vitals.plugins().plugins()) {
            if (plugin.isStarted()) {
                columns.add(new Column(plugin.id(), plugin.displayName(), plugin.serviceTabs().isEmpty() ? null
                        : plugin.id() + "." + plugin.serviceTabs().get(0).id()));
            }
        }
        List<GridRow> rows = new ArrayList<>();
        for (OrgHealthQuery.Row row : result.rows()) {
            EntitySummary service = row.service();
            String href = Collection.href(service.ref());
            List<StatusCell> cells = columns.stream().map(c -> cell(row.worst().get(c.id()),
                    c.tabId() == null ? href : href + "?tab=" + c.tabId())).toList();
            String group = groupBy.isEmpty() ? "" : row.group() == null ? "(none)" : EntitySummary.nameOf(row.group());
            rows.add(new GridRow(service, href, group, cells));
        }
        Map<String, Object> params = new HashMap<>();
        params.put("rows", rows);
        params.put("columns", columns);
        params.put("dimensions", dimensions);
        params.put("groupBy", groupBy);
        params.put("text", text);
        params.put("critical", result.counts().getOrDefault(SignalStatus.CRITICAL, 0L));
        params.put("warn", result.counts().getOrDefault(SignalStatus.WARN, 0L));
        params.put("serviceCount", (int) result.total());
        params.put("catalogEmpty", result.total() == 0 && outline.isEmpty());
        params.put("pager", Pager.of(ctx, page, PAGE_SIZE, result.total()));
        layout.render(ctx, "Engineering health", Templates.content("home.jte", params));
    }

    /** A plugin's cell from its precomputed worst signal; the columns are the started plugins, so others never show. */
    private static StatusCell cell(WorstSignal worst, String fallbackHref) {
        return worst == null ? StatusCell.of(List.of(), fallbackHref)
                : new StatusCell(worst.status().name().toLowerCase(Locale.ROOT), worst.summary(),
                        worst.link().orElse(fallbackHref));
    }

    private static Optional<String> param(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(String::trim).filter(s -> !s.isEmpty());
    }

}
