package dev.vitals.plugins.graph.pages;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.Page;
import dev.vitals.api.PageRoute;
import dev.vitals.api.Panel;
import dev.vitals.api.PluginContext;
import dev.vitals.api.PluginUrls;
import dev.vitals.api.ServiceTab;
import dev.vitals.plugins.graph.answers.Reach;
import dev.vitals.plugins.graph.api.CriticalityJson;
import dev.vitals.plugins.graph.api.Parameters;
import dev.vitals.plugins.graph.api.ReachJson;
import dev.vitals.plugins.graph.freshness.GraphHolder;
import dev.vitals.plugins.graph.freshness.GraphSnapshot;
import dev.vitals.plugins.graph.map.MapApi;
import dev.vitals.plugins.graph.map.MapAssets;
import dev.vitals.plugins.graph.map.NodeHealth;
import dev.vitals.plugins.graph.model.DependencyGraph;
import dev.vitals.plugins.graph.model.Direction;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Everything people see of the graph: the overview, a node's blast radius, the interactive map and its JSON, the
 * reports, the "Dependencies" tab of every service page and the stakeholder panel of every program page.
 */
public final class GraphPages {

    private final GraphHolder holder;
    private final PluginUrls urls;
    private final MapApi map;
    private final MapPage mapPage;
    private final MapAssets assets = new MapAssets();
    private final ReportPages reports;
    private final ServiceDependencies serviceTab;
    private final ProgramStakeholders programPanel;

    /**
     * @param holder the current graph
     * @param context the plugin's context: its URLs, the signals that colour the map by health, the time zone
     * @param budget the most nodes the map draws one by one before it groups them
     */
    public GraphPages(GraphHolder holder, PluginContext context, int budget) {
        this.holder = holder;
        this.urls = context.urls();
        NodeHealth health = new NodeHealth(context.signals());
        this.map = new MapApi(holder, health, urls, budget);
        this.mapPage = new MapPage(map, health, urls);
        this.reports = new ReportPages(holder, urls, context.orgTimeZone());
        this.serviceTab = new ServiceDependencies(holder, urls);
        this.programPanel = new ProgramStakeholders(holder, urls);
    }

    /** @return the map's JSON and the scripts the drawings load */
    public List<ApiRoute> apiRoutes() {
        return List.of(map.route(), assets.route());
    }

    /** @return the pages */
    public List<PageRoute> pages() {
        return List.of(PageRoute.of("/", this::overview), PageRoute.of("/blast-radius", this::blastRadius),
                PageRoute.of("/map", mapPage::render), PageRoute.of("/cycles", reports::cycles),
                PageRoute.of("/criticality", reports::criticality), PageRoute.of("/teams", reports::teams),
                PageRoute.of("/drift", reports::drift));
    }

    /** @return the "Dependencies" tab of every service page */
    public List<ServiceTab> serviceTabs() {
        return List.of(new ServiceTab("dependencies", "Dependencies", serviceTab::render));
    }

    /** @return the stakeholder map of every program page */
    public List<Panel> programPanels() {
        return List.of(new Panel("stakeholders", "Stakeholders and hidden stakeholders", programPanel::render));
    }

    /** @return the overview: cycles, the most critical nodes and the team map */
    public Page overview(Context ctx) {
        GraphSnapshot snapshot = holder.current();
        DependencyGraph graph = snapshot.graph();
        CriticalityJson criticality = CriticalityJson.of(graph, snapshot.criticality(), 25);
        return new Page("Dependencies", Templates.render("overview.jte", Map.of(
                "cycles", snapshot.cycles(), "critical", criticality.nodes(), "sampled", criticality.betweennessSampled(),
                "teams", snapshot.teamMap(), "blastRadius", urls.page("/blast-radius"),
                "missing", graph.missing().size(), "mapPage", urls.page("/map"), "reports", List.of(
                        urls.page("/map"), urls.page("/cycles"), urls.page("/criticality"), urls.page("/teams"),
                        urls.page("/drift")))));
    }

    /** @return the blast radius of {@code ?ref=}: every dependent with its distance, and the teams to call */
    public Page blastRadius(Context ctx) {
        DependencyGraph graph = holder.current().graph();
        int start = Parameters.requiredNode(ctx, graph, "ref");
        OptionalInt depth = Parameters.wholeNumber(ctx, "depth", 1, 1_000_000);
        ReachJson reach = ReachJson.of(graph, Reach.walk(graph, start, Direction.DEPENDENTS, depth),
                ReachJson.DEFAULT_LIMIT);
        return new Page("Blast radius of " + reach.ref(), Templates.render("blast-radius.jte", Map.of(
                "reach", reach, "blastRadius", urls.page("/blast-radius"), "mapPage", urls.page("/map"))));
    }
}
