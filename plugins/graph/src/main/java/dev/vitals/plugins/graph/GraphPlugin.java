package dev.vitals.plugins.graph;

import dev.vitals.api.PluginContext;
import dev.vitals.api.PluginDependency;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.Setting;
import dev.vitals.api.VitalsPlugin;
import dev.vitals.plugins.graph.api.GraphApi;
import dev.vitals.plugins.graph.freshness.GraphHolder;
import dev.vitals.plugins.graph.model.CatalogGraph;
import dev.vitals.plugins.graph.observed.ObservedApi;
import dev.vitals.plugins.graph.observed.ObservedStore;
import dev.vitals.plugins.graph.pages.GraphPages;
import dev.vitals.plugins.graph.rules.RuleSignals;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * The dependency graph of the catalog: blast radius, paths, cycles, criticality, the team map and program
 * stakeholders, and the calls tracing observed beside the declared edges. This class only declares the settings and builds the plugin's objects from its context;
 * {@link RunningGraph} says what they serve.
 */
@Extension
public final class GraphPlugin implements VitalsPlugin {

    @Override
    public Optional<String> displayName() {
        return Optional.of("Dependencies");
    }

    @Override
    public List<Setting<?>> settings() {
        return GraphSettings.all();
    }

    @Override
    public List<PluginDependency> dependencies() {
        // Without the SLO plugin the rule "much-depended services have an SLO" is not checked; the others are.
        return List.of(PluginDependency.optional(RuleSignals.SLO_PLUGIN));
    }

    @Override
    public List<String> scopes() {
        return List.of(ObservedApi.SCOPE);
    }

    @Override
    public RunningPlugin create(PluginContext context) {
        ObservedStore observed = new ObservedStore(context.jdbi(), context.clock(), context.orgTimeZone());
        GraphHolder holder = new GraphHolder(new CatalogGraph(context.catalog()), observed::window, context.clock());
        RuleSignals rules = new RuleSignals(holder, context,
                context.settings().get(GraphSettings.MAX_DEPENDENTS_WITHOUT_SLO));
        return new RunningGraph(new GraphApi(holder), new ObservedApi(observed, holder),
                new GraphPages(holder, context, Math.toIntExact(context.settings().get(GraphSettings.MAP_BUDGET))),
                holder, rules,
                context.settings().get(GraphSettings.CHECK_EVERY), context.settings().get(GraphSettings.RULES_EVERY));
    }
}
