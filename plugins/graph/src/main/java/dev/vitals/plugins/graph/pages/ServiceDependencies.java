package dev.vitals.plugins.graph.pages;

import dev.vitals.api.EntityRef;
import dev.vitals.api.PluginUrls;
import dev.vitals.plugins.graph.answers.Reach;
import dev.vitals.plugins.graph.api.ReachJson;
import dev.vitals.plugins.graph.freshness.GraphHolder;
import dev.vitals.plugins.graph.model.DependencyGraph;
import dev.vitals.plugins.graph.model.Direction;
import gg.jte.Content;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** The "Dependencies" tab of a service page: what it needs and what needs it, with distance and owner. */
public final class ServiceDependencies {

    /** The most nodes each list shows; the map and the blast radius page show them all. */
    static final int SHOWN = 50;

    private final GraphHolder holder;
    private final PluginUrls urls;

    /**
     * @param holder the current graph
     * @param urls the plugin's URLs
     */
    public ServiceDependencies(GraphHolder holder, PluginUrls urls) {
        this.holder = holder;
        this.urls = urls;
    }

    /** @return the tab for one service */
    public Content render(Context ctx, EntityRef service) {
        DependencyGraph graph = holder.current().graph();
        Optional<Integer> node = graph.indexOf(service);
        Map<String, Object> params = new HashMap<>();
        params.put("service", service.toString());
        params.put("inGraph", node.isPresent());
        params.put("dependencies", node.map(i -> ReachJson.of(graph, Reach.walk(graph, i, Direction.DEPENDENCIES,
                OptionalInt.empty()), SHOWN)).orElse(null));
        params.put("dependents", node.map(i -> ReachJson.of(graph, Reach.walk(graph, i, Direction.DEPENDENTS,
                OptionalInt.empty()), SHOWN)).orElse(null));
        params.put("shown", SHOWN);
        params.put("map", PluginUrls.withQuery(urls.page("/map"), Map.of("focus", service.toString())));
        params.put("blastRadius", PluginUrls.withQuery(urls.page("/blast-radius"), Map.of("ref", service.toString())));
        params.put("mapPage", urls.page("/map"));
        params.put("api", urls.api("/nodes/{ref}/dependencies", service.toString()));
        return Templates.render("service-dependencies.jte", params);
    }
}
