package dev.vitals.plugins.graph;

import dev.vitals.api.PluginContext;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.Setting;
import dev.vitals.api.VitalsPlugin;
import dev.vitals.plugins.graph.api.GraphApi;
import dev.vitals.plugins.graph.freshness.GraphHolder;
import dev.vitals.plugins.graph.model.CatalogGraph;
import dev.vitals.plugins.graph.observed.ObservedApi;
import dev.vitals.plugins.graph.observed.ObservedStore;
import java.util.List;
import org.pf4j.Extension;

/**
 * The dependency graph of the catalog: blast radius, paths, cycles, criticality, the team map and program
 * stakeholders, and the calls tracing observed beside the declared edges. This class only declares the settings and builds the plugin's objects from its context;
 * {@link RunningGraph} says what they serve.
 */
@Extension
public final class GraphPlugin implements VitalsPlugin {

    @Override
    public List<Setting<?>> settings() {
        return GraphSettings.all();
    }

    @Override
    public List<String> scopes() {
        return List.of(ObservedApi.SCOPE);
    }

    @Override
    public RunningPlugin create(PluginContext context) {
        ObservedStore observed = new ObservedStore(context.jdbi(), context.clock(), context.orgTimeZone());
        GraphHolder holder = new GraphHolder(new CatalogGraph(context.catalog()), observed::window, context.clock());
        return new RunningGraph(new GraphApi(holder), new ObservedApi(observed, holder), holder,
                context.settings().get(GraphSettings.CHECK_EVERY));
    }
}
