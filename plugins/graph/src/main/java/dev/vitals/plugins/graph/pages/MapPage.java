package dev.vitals.plugins.graph.pages;

import dev.vitals.api.Page;
import dev.vitals.api.PluginUrls;
import dev.vitals.api.ui.Pager;
import dev.vitals.plugins.graph.api.Parameters;
import dev.vitals.plugins.graph.map.MapApi;
import dev.vitals.plugins.graph.map.MapAssets;
import dev.vitals.plugins.graph.map.MapJson;
import dev.vitals.plugins.graph.map.MapQuery;
import dev.vitals.plugins.graph.map.NodeHealth;
import dev.vitals.plugins.graph.map.MapView;
import dev.vitals.plugins.graph.model.DependencyGraph;
import dev.vitals.plugins.graph.model.Node;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The interactive map: a form for focus, depth, direction and filters, the drawing (ECharts, fed by
 * {@code GET /api/graph/map} with the same query), and the same answer as tables for keyboard and screen-reader
 * users and for browsers without scripts.
 */
public final class MapPage {

    /** Edges per page of the list; the drawing has them all. */
    static final int EDGES_PER_PAGE = 1000;

    private final MapApi map;
    private final NodeHealth health;
    private final PluginUrls urls;

    /**
     * @param map the map's answer
     * @param health the nodes' signals
     * @param urls the plugin's URLs
     */
    public MapPage(MapApi map, NodeHealth health, PluginUrls urls) {
        this.map = map;
        this.health = health;
        this.urls = urls;
    }

    /** @return the map page for the query in the URL */
    public Page render(Context ctx) {
        DependencyGraph graph = map.holder().current().graph();
        MapQuery query = MapQuery.from(ctx, graph, map.budget());
        MapJson answer = MapView.of(graph, query, health.now(), q -> map.link(graph, q));
        Set<String> kinds = new TreeSet<>();
        Set<String> relations = new TreeSet<>(MapQuery.DEPENDENCY_RELATIONS);
        Set<String> teams = new TreeSet<>();
        Set<String> lifecycles = new TreeSet<>();
        for (Node node : graph.nodes()) {
            kinds.add(node.ref().kind());
            node.owner().ifPresent(owner -> teams.add(owner.toString()));
            node.lifecycle().ifPresent(l -> lifecycles.add(l.toLowerCase(java.util.Locale.ROOT)));
        }
        graph.edges().forEach(edge -> relations.add(edge.relation()));
        String colour = "health".equals(ctx.queryParam("colour")) ? "health" : "team";
        Map<String, Object> params = new HashMap<>();
        params.put("map", answer);
        int page = Parameters.wholeNumber(ctx, Pager.PARAMETER, 1, 1_000_000).orElse(1);
        int from = Math.min((page - 1) * EDGES_PER_PAGE, answer.edges().size());
        params.put("edges", answer.edges().subList(from, Math.min(from + EDGES_PER_PAGE, answer.edges().size())));
        params.put("edgePager", Pager.of(ctx, page, EDGES_PER_PAGE, answer.edges().size()));
        params.put("query", query);
        params.put("focusText", query.focus().isPresent()
                ? graph.node(query.focus().getAsInt()).ref().toString() : "");
        params.put("kinds", List.copyOf(kinds));
        params.put("relations", List.copyOf(relations));
        params.put("teams", List.copyOf(teams));
        params.put("lifecycles", List.copyOf(lifecycles));
        params.put("colour", colour);
        params.put("source", map.source(graph, query));
        params.put("mapUrl", urls.page("/map"));
        params.put("blastRadius", urls.page("/blast-radius"));
        params.put("scripts", scripts(urls));
        String title = answer.focus().map(f -> "Dependency map around " + f).orElse("Dependency map");
        return new Page(title, Templates.render("map.jte", params));
    }

    /** @return the scripts a page with a drawing loads, ECharts first */
    static List<String> scripts(PluginUrls urls) {
        return List.of(urls.api("/assets/{file}", MapAssets.ECHARTS), urls.api("/assets/{file}", MapAssets.MAP_SCRIPT));
    }
}
