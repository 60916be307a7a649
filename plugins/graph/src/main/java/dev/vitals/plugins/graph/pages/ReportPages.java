package dev.vitals.plugins.graph.pages;

import dev.vitals.api.EntityRef;
import dev.vitals.api.Page;
import dev.vitals.api.PluginUrls;
import dev.vitals.plugins.graph.answers.Drift;
import dev.vitals.plugins.graph.answers.TeamMap;
import dev.vitals.plugins.graph.api.CriticalityJson;
import dev.vitals.plugins.graph.api.Parameters;
import dev.vitals.plugins.graph.freshness.GraphHolder;
import dev.vitals.plugins.graph.freshness.GraphSnapshot;
import dev.vitals.plugins.graph.map.MapJson;
import dev.vitals.plugins.graph.model.DependencyGraph;
import dev.vitals.plugins.graph.observed.ObservedStore;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The reports, one page each: cycles, criticality, the team map and the drift between declared and observed. */
public final class ReportPages {

    /** Nodes per page of the criticality table. */
    static final int CRITICAL_PAGE = 50;

    private final GraphHolder holder;
    private final PluginUrls urls;
    private final ZoneId zone;

    /**
     * @param holder the current graph
     * @param urls the plugin's URLs
     * @param zone the organisation's time zone, in which the drift window's days are counted
     */
    public ReportPages(GraphHolder holder, PluginUrls urls, ZoneId zone) {
        this.holder = holder;
        this.urls = urls;
        this.zone = zone;
    }

    /** @return every dependency cycle, biggest first */
    public Page cycles(Context ctx) {
        Map<String, Object> params = links();
        params.put("cycles", holder.current().cycles());
        return new Page("Dependency cycles", Templates.render("cycles.jte", params));
    }

    /** @return nodes by transitive dependents, with PageRank and betweenness, a page at a time */
    public Page criticality(Context ctx) {
        GraphSnapshot snapshot = holder.current();
        DependencyGraph graph = snapshot.graph();
        int page = Parameters.wholeNumber(ctx, "page", 1, 1_000_000).orElse(1);
        int total = graph.size();
        int from = Math.min((page - 1) * CRITICAL_PAGE, total);
        CriticalityJson ranked = CriticalityJson.of(graph, snapshot.criticality(),
                Math.min(total, page * CRITICAL_PAGE));
        Map<String, Object> params = links();
        params.put("critical", ranked.nodes().subList(Math.min(from, ranked.nodes().size()), ranked.nodes().size()));
        params.put("ranking", ranked);
        params.put("first", from + 1);
        params.put("pager", dev.vitals.api.ui.Pager.of(ctx, page, CRITICAL_PAGE, total));
        return new Page("Most depended on", Templates.render("criticality.jte", params));
    }

    /** @return teams as nodes, drawn and listed, with the service pairs between them */
    public Page teams(Context ctx) {
        TeamMap teams = holder.current().teamMap();
        Map<String, Object> params = links();
        params.put("teams", teams);
        params.put("drawing", teams.edges().isEmpty() ? null : Drawing.of(ctx, "graph-teams-data", drawing(teams),
                "Drawing of which teams depend on which; the tables below say the same"));
        params.put("scripts", MapPage.scripts(urls));
        return new Page("Team map", Templates.render("team-map.jte", params));
    }

    /** @return declared edges never observed and observed calls never declared, over the named window */
    public Page drift(Context ctx) {
        GraphSnapshot snapshot = holder.current();
        Drift drift = Drift.of(snapshot.graph(), snapshot.observed());
        LocalDate last = snapshot.builtAt().atZone(zone).toLocalDate();
        Map<String, Object> params = links();
        params.put("drift", drift);
        params.put("firstDay", last.minusDays(ObservedStore.WINDOW_DAYS - 1).toString());
        params.put("lastDay", last.toString());
        params.put("days", ObservedStore.WINDOW_DAYS);
        params.put("observedCount", snapshot.observed().size());
        params.put("ingest", urls.api("/observed"));
        return new Page("Declared and observed dependencies", Templates.render("drift.jte", params));
    }

    private Map<String, Object> links() {
        Map<String, Object> params = new HashMap<>();
        params.put("mapPage", urls.page("/map"));
        params.put("blastRadius", urls.page("/blast-radius"));
        return params;
    }

    /** Teams on a circle, each edge weighted by its service pairs. */
    static MapJson drawing(TeamMap teams) {
        List<MapJson.MapNode> nodes = new ArrayList<>();
        int n = teams.teams().size();
        double radius = Math.max(160, n * 40 / (2 * Math.PI));
        for (int i = 0; i < n; i++) {
            TeamMap.Team team = teams.teams().get(i);
            double angle = 2 * Math.PI * i / n;
            nodes.add(new MapJson.MapNode(team.ref(), "group", Optional.of(team.ref()), Optional.empty(), false,
                    Optional.empty(), Optional.empty(), Optional.empty(), team.ref(),
                    Math.round(radius * Math.cos(angle)), Math.round(radius * Math.sin(angle)),
                    PluginUrls.entity(EntityRef.parse(team.ref()))));
        }
        List<MapJson.MapEdge> edges = teams.edges().stream()
                .map(e -> new MapJson.MapEdge(e.from(), e.to(), "service pairs", e.count())).toList();
        int pairs = edges.stream().mapToInt(MapJson.MapEdge::count).sum();
        return new MapJson(Optional.empty(), 1, "both", List.of("service pairs"), Optional.empty(),
                Integer.MAX_VALUE, nodes.size(), pairs, nodes, List.of(), edges, new MapJson.Hidden(0, 0), false);
    }
}
