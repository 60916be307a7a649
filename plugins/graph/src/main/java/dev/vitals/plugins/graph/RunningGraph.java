package dev.vitals.plugins.graph;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.Job;
import dev.vitals.api.NavEntry;
import dev.vitals.api.PageRoute;
import dev.vitals.api.Panel;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.ServiceTab;
import dev.vitals.plugins.graph.api.GraphApi;
import dev.vitals.plugins.graph.freshness.GraphHolder;
import dev.vitals.plugins.graph.observed.ObservedApi;
import dev.vitals.plugins.graph.pages.GraphPages;
import dev.vitals.plugins.graph.rules.RuleSignals;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** The graph plugin as it runs: its routes, pages and jobs, each bound to an object {@link GraphPlugin} built. */
record RunningGraph(GraphApi answers, ObservedApi observed, GraphPages screens, GraphHolder holder, RuleSignals rules,
        Duration checkEvery, Duration rulesEvery) implements RunningPlugin {

    @Override
    public List<ApiRoute> apiRoutes() {
        return Stream.of(answers.routes(), observed.routes(), screens.apiRoutes()).flatMap(List::stream).toList();
    }

    @Override
    public List<PageRoute> pages() {
        return screens.pages();
    }

    @Override
    public List<ServiceTab> serviceTabs() {
        return screens.serviceTabs();
    }

    @Override
    public List<Panel> programPanels() {
        return screens.programPanels();
    }

    @Override
    public List<NavEntry> navigation() {
        return List.of(new NavEntry("Dependencies", "/"));
    }

    @Override
    public List<Job> jobs() {
        return List.of(new Job("rebuild-graph-when-catalog-changed", checkEvery, holder::rebuildIfStale),
                new Job("publish-dependency-rules", rulesEvery, rules::publish));
    }

    @Override
    public void stop() {
        holder.close();
    }
}
