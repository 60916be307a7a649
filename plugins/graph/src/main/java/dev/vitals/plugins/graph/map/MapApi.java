package dev.vitals.plugins.graph.map;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.PluginUrls;
import dev.vitals.api.RouteDoc;
import dev.vitals.api.RouteParam;
import dev.vitals.plugins.graph.freshness.GraphHolder;
import dev.vitals.plugins.graph.model.DependencyGraph;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** The map's answer as JSON ({@code GET /api/graph/map}), the same that the map page lists under its drawing. */
public final class MapApi {

    private final GraphHolder holder;
    private final NodeHealth health;
    private final PluginUrls urls;
    private final int budget;

    /**
     * @param holder the current graph
     * @param health the nodes' signals
     * @param urls the plugin's URLs, for the links to other maps
     * @param budget the most nodes drawn one by one before they are grouped
     */
    public MapApi(GraphHolder holder, NodeHealth health, PluginUrls urls, int budget) {
        this.holder = holder;
        this.health = health;
        this.urls = urls;
        this.budget = budget;
    }

    /** @return the route */
    public ApiRoute route() {
        return ApiRoute.get("/map", ctx -> ctx.json(answer(ctx)))
                .doc(RouteDoc.of("Map a node's neighbourhood, or the whole graph, for drawing")
                        .description("Nodes within depth edges of the focus along the chosen relations, every edge "
                                + "among them, and a layout. Above the budget (VITALS_GRAPH_MAP_BUDGET, default 300 "
                                + "nodes) nodes fold into groups by team or system that say how many nodes and "
                                + "edges they hold; edges to and between groups carry how many edges they stand "
                                + "for, so edges' counts plus groups' innerEdges equal edgesInView. Nodes the "
                                + "filters hide are counted in hidden. kind, relation and expand may repeat or "
                                + "hold commas.")
                        .query(RouteParam.optional("focus", "the node in the middle, e.g. component:checkout; "
                                        + "default: the whole graph"),
                                RouteParam.optional("depth", "1 to 5 edges from the focus; default 2")
                                        .ofType(Integer.class),
                                RouteParam.optional("direction", "both, dependents or dependencies; default both"),
                                RouteParam.optional("kind", "only nodes of these kinds, e.g. component,api"),
                                RouteParam.optional("relation", "the relations to walk and draw, e.g. "
                                        + "dependsOn,consumesApi,providesApi (the default)"),
                                RouteParam.optional("team", "only nodes this team owns, e.g. payments"),
                                RouteParam.optional("lifecycle", "only nodes of this lifecycle, e.g. production"),
                                RouteParam.optional("group", "team or system: how nodes fold above the budget; "
                                        + "default team"),
                                RouteParam.optional("expand", "groups to show node by node, by key, e.g. "
                                        + "group:default/payments"))
                        .returns(MapJson.class));
    }

    /** @return the map the request asks for */
    public MapJson answer(Context ctx) {
        DependencyGraph graph = holder.current().graph();
        MapQuery query = MapQuery.from(ctx, graph, budget);
        return MapView.of(graph, query, health.now(), q -> link(graph, q));
    }

    /** @return the map page showing this map */
    public String link(DependencyGraph graph, MapQuery query) {
        return PluginUrls.withQuery(urls.page("/map"), parameters(graph, query));
    }

    /** @return the JSON route answering the same map */
    public String source(DependencyGraph graph, MapQuery query) {
        return PluginUrls.withQuery(urls.api("/map"), parameters(graph, query));
    }

    /** Repeated values joined by commas, which the query reads back as repeated. */
    private static Map<String, String> parameters(DependencyGraph graph, MapQuery query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        query.parameters(graph).forEach((name, values) -> parameters.put(name, String.join(",", values)));
        return parameters;
    }

    /** @return the most nodes drawn one by one */
    public int budget() {
        return budget;
    }

    /** @return the current graph */
    public GraphHolder holder() {
        return holder;
    }
}
