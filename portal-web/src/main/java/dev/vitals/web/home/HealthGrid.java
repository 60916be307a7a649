package dev.vitals.web.home;

import dev.vitals.api.Signal;
import dev.vitals.api.SignalStatus;
import dev.vitals.core.Vitals;
import dev.vitals.core.catalog.EntityRef;
import dev.vitals.core.catalog.EntitySummary;
import dev.vitals.core.pluginhost.HostedPlugin;
import dev.vitals.web.catalog.Collection;
import dev.vitals.web.catalog.StatusCell;
import dev.vitals.web.pages.Layout;
import dev.vitals.web.pages.Pager;
import dev.vitals.web.pages.Templates;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /}: the organisation's health at a glance. One row per service, one column per started plugin, each cell the
 * worst of that plugin's signals about the service. Filter by team, system, program or availability component, and
 * group rows by any of them.
 */
public final class HealthGrid {

    private static final int PAGE_SIZE = 50;
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
     * @param tabId the service tab the column's cells open when a signal has no link of its own, or null
     */
    public record Column(String id, String tabId) {
    }

    public void render(Context ctx) {
        List<EntitySummary> services = vitals.catalog().all(Collection.SERVICES.kinds());
        Map<String, String> groupOf = new HashMap<>();
        String groupBy = Optional.ofNullable(ctx.queryParam("group")).orElse("");
        List<Dimension> dimensions = new ArrayList<>();
        for (String[] d : new String[][] {{"team", "Team"}, {"system", "System"}, {"program", "Program"},
                {"component", "Availability component"}}) {
            Collection collection = switch (d[0]) {
                case "team" -> Collection.TEAMS;
                case "system" -> Collection.SYSTEMS;
                case "program" -> Collection.PROGRAMS;
                default -> Collection.COMPONENTS;
            };
            String selected = Optional.ofNullable(ctx.queryParam(d[0])).orElse("");
            Map<String, String> membership = membership(d[0], services);
            if (!selected.isEmpty()) {
                Set<String> members = members(d[0], selected, membership);
                services = services.stream().filter(s -> members.contains(s.ref())).toList();
            }
            if (d[0].equals(groupBy)) {
                groupOf.putAll(membership);
            }
            dimensions.add(new Dimension(d[0], d[1], vitals.catalog().all(collection.kinds()), selected));
        }
        String text = Optional.ofNullable(ctx.queryParam("text")).orElse("").trim().toLowerCase();
        if (!text.isEmpty()) {
            services = services.stream().filter(s -> s.name().toLowerCase().contains(text)
                    || s.title().toLowerCase().contains(text)).toList();
        }
        if (!groupBy.isEmpty()) {
            services = services.stream().sorted(Comparator.comparing((EntitySummary s) ->
                    Optional.ofNullable(groupOf.get(s.ref())).orElse("~"))).toList();
        }
        List<Column> columns = new ArrayList<>();
        for (HostedPlugin plugin : vitals.plugins().plugins()) {
            if (plugin.isStarted()) {
                columns.add(new Column(plugin.id(), plugin.serviceTabs().isEmpty() ? null
                        : plugin.id() + "." + plugin.serviceTabs().get(0).id()));
            }
        }
        int page = ctx.queryParam("page") == null ? 1
                : ctx.queryParamAsClass("page", Integer.class).check(p -> p >= 1, "must be 1 or more").get();
        List<String> allRefs = services.stream().map(EntitySummary::ref).toList();
        List<EntitySummary> pageServices = services.stream().skip((long) (page - 1) * PAGE_SIZE).limit(PAGE_SIZE).toList();
        Map<String, List<Signal>> signals = vitals.signals().latestFor(pageServices.stream().map(EntitySummary::ref).toList());
        List<GridRow> rows = new ArrayList<>();
        for (EntitySummary service : pageServices) {
            String href = Collection.href(service.ref());
            List<Signal> own = signals.getOrDefault(service.ref(), List.of());
            List<StatusCell> cells = columns.stream().map(c -> StatusCell.of(
                    own.stream().filter(s -> s.plugin().equals(c.id())).toList(),
                    c.tabId() == null ? href : href + "?tab=" + c.tabId())).toList();
            String group = groupOf.get(service.ref());
            rows.add(new GridRow(service, href, group == null ? (groupBy.isEmpty() ? "" : "(none)")
                    : EntitySummary.nameOf(group), cells));
        }
        Map<SignalStatus, Long> counts = allRefs.isEmpty() ? Map.of() : vitals.signals().statusCounts(allRefs);
        Map<String, Object> params = new HashMap<>();
        params.put("rows", rows);
        params.put("columns", columns);
        params.put("dimensions", dimensions);
        params.put("groupBy", groupBy);
        params.put("text", text);
        params.put("critical", counts.getOrDefault(SignalStatus.CRITICAL, 0L));
        params.put("warn", counts.getOrDefault(SignalStatus.WARN, 0L));
        params.put("serviceCount", services.size());
        params.put("catalogEmpty", vitals.catalog().countsByKind().isEmpty());
        params.put("pager", Pager.of(ctx, page, PAGE_SIZE, services.size()));
        layout.render(ctx, "Engineering health", Templates.content("home.jte", params));
    }

    /** Which team, system, program or component each service belongs to (the first, when several). */
    private Map<String, String> membership(String dimension, List<EntitySummary> services) {
        Map<String, String> result = new HashMap<>();
        switch (dimension) {
            case "team" -> services.forEach(s -> {
                if (s.owner() != null) {
                    result.put(s.ref(), s.owner());
                }
            });
            case "system" -> services.forEach(s -> {
                if (s.system() != null) {
                    result.put(s.ref(), s.system());
                }
            });
            case "program" -> vitals.catalog().pairs("inScope").forEach(p -> result.putIfAbsent(p.getValue(), p.getKey()));
            default -> vitals.catalog().pairs("includes").forEach(p -> result.putIfAbsent(p.getValue(), p.getKey()));
        }
        return result;
    }

    /** The services in the selected team, system, program or component: all of them, not only the first. */
    private Set<String> members(String dimension, String selected, Map<String, String> membership) {
        if (dimension.equals("team") || dimension.equals("system")) {
            Set<String> members = new HashSet<>();
            membership.forEach((service, owner) -> {
                if (owner.equals(selected)) {
                    members.add(service);
                }
            });
            return members;
        }
        boolean program = dimension.equals("program");
        return EntityRef.parse(selected, program ? "program" : "availabilitycomponent", EntityRef.DEFAULT_NAMESPACE)
                .map(ref -> (Set<String>) new HashSet<>(vitals.catalog().targets(ref, program ? "inScope" : "includes")))
                .orElse(Set.of());
    }
}
