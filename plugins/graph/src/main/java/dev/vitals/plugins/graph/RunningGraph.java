package dev.vitals.plugins.graph;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.Job;
import dev.vitals.api.RunningPlugin;
import dev.vitals.plugins.graph.api.GraphApi;
import dev.vitals.plugins.graph.freshness.GraphHolder;
import java.time.Duration;
import java.util.List;

/** The graph plugin as it runs: its routes and jobs, each bound to an object {@link GraphPlugin} built. */
record RunningGraph(GraphApi answers, GraphHolder holder, Duration checkEvery) implements RunningPlugin {

    @Override
    public List<ApiRoute> apiRoutes() {
        return answers.routes();
    }

    @Override
    public List<Job> jobs() {
        return List.of(new Job("rebuild-graph-when-catalog-changed", checkEvery, holder::rebuildIfStale));
    }

    @Override
    public void stop() {
        holder.close();
    }
}
