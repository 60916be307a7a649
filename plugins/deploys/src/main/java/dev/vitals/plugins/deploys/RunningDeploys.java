package dev.vitals.plugins.deploys;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.BackgroundRefresh;
import dev.vitals.api.Job;
import dev.vitals.api.NavEntry;
import dev.vitals.api.PageRoute;
import dev.vitals.api.Panel;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.ServiceTab;
import dev.vitals.api.WebhookRoute;
import dev.vitals.plugins.deploys.demo.DemoDeploys;
import dev.vitals.plugins.deploys.dora.DoraSignals;
import dev.vitals.plugins.deploys.ingest.IngestApi;
import java.util.List;

/**
 * The deploys plugin while it runs: the routes, pages, panels and jobs its features offer, collected, bound to objects
 * {@link DeploysPlugin#create} has built.
 *
 * @param apiRoutes the features' JSON routes
 * @param webhooks GitHub's and PagerDuty's
 * @param pages the features' pages and forms
 * @param navigation one entry, the overview
 * @param serviceTabs the Deploys tab
 * @param teamPanels the team's keys
 * @param programPanels the program's migration
 * @param jobs the hourly signals
 * @param demo the demonstration data
 * @param doraSignals publishes the signals once demo data is in
 * @param signalRefresh the background thread that publishes signals after ingest, closed at stop
 * @param ingest the ingest routes, whose writers are stopped at stop
 */
record RunningDeploys(List<ApiRoute> apiRoutes, List<WebhookRoute> webhooks, List<PageRoute> pages,
        List<NavEntry> navigation, List<ServiceTab> serviceTabs, List<Panel> teamPanels, List<Panel> programPanels,
        List<Job> jobs, DemoDeploys demo, DoraSignals doraSignals, BackgroundRefresh signalRefresh,
        IngestApi ingest)
        implements RunningPlugin {

    @Override
    public void seedDemoData() {
        if (demo.seed()) {
            // The team pages chart 90 days of health: the demo's deployments go back that far, and so do its verdicts.
            doraSignals.publishPastWeeks(DemoDeploys.DAYS);
            doraSignals.publishAll();
        }
    }

    @Override
    public void stop() {
        ingest.close();
        signalRefresh.close();
    }
}
