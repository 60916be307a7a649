package dev.vitals.plugins.graph.pages;

import dev.vitals.api.Page;
import dev.vitals.api.PluginUrls;
import dev.vitals.plugins.graph.answers.Reach;
import dev.vitals.plugins.graph.answers.TeamMap;
import dev.vitals.plugins.graph.api.CriticalityJson;
import dev.vitals.plugins.graph.api.Parameters;
import dev.vitals.plugins.graph.api.ReachJson;
import dev.vitals.plugins.graph.freshness.GraphHolder;
import dev.vitals.plugins.graph.freshness.GraphSnapshot;
import dev.vitals.plugins.graph.model.DependencyGraph;
import dev.vitals.plugins.graph.model.Direction;
import io.javalin.http.Context;
import java.util.Map;
import java.util.OptionalInt;

/** The server-rendered pages: the overview (cycles, criticality, team map) and a node's blast radius. */
public final class GraphPages {

    private final GraphHolder holder;
    private final PluginUrls urls;

    /**
     * @param holder the current graph
     * @param urls the plugin's URLs
     */
    public GraphPages(GraphHolder holder, PluginUrls urls) {
        this.holder = holder;
        this.urls = urls;
    }

    /** @return the overview: cycles, the most critical nodes and the team map */
    public Page overview(Context ctx) {
        GraphSnapshot snapshot = holder.current();
        DependencyGraph graph = snapshot.graph();
        CriticalityJson criticality = CriticalityJson.of(graph, snapshot.criticality(), 25);
        return new Page("Dependencies", Templates.render("overview.jte", Map.of(
                "cycles", snapshot.cycles(), "critical", criticality.nodes(), "sampled", criticality.betweennessSampled(),
                "teams", TeamMap.of(graph), "blastRadius", urls.page("/blast-radius"),
                "missing", graph.missing().size())));
    }

    /** @return the blast radius of {@code ?ref=}: every dependent with its distance, and the teams to call */
    public Page blastRadius(Context ctx) {
        DependencyGraph graph = holder.current().graph();
        int start = Parameters.requiredNode(ctx, graph, "ref");
        OptionalInt depth = Parameters.wholeNumber(ctx, "depth", 1, 1_000_000);
        ReachJson reach = ReachJson.of(graph, Reach.walk(graph, start, Direction.DEPENDENTS, depth));
        return new Page("Blast radius of " + reach.ref(), Templates.render("blast-radius.jte", Map.of(
                "reach", reach, "blastRadius", urls.page("/blast-radius"))));
    }
}
