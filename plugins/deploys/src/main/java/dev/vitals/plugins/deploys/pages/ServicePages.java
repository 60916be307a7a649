package dev.vitals.plugins.deploys.pages;

import dev.vitals.api.CatalogView;
import dev.vitals.api.PageRoute;
import dev.vitals.api.PluginUrls;
import dev.vitals.api.ServiceTab;
import dev.vitals.plugins.deploys.dora.DoraQuery;
import dev.vitals.plugins.deploys.dora.OrgClock;
import dev.vitals.plugins.deploys.gate.BreakGlassForms;
import dev.vitals.plugins.deploys.gate.DeployGate;
import dev.vitals.plugins.deploys.migration.MigrationTracker;
import java.util.List;

/** The views of one service that bring the features together: its page under the plugin and its service tab. */
public final class ServicePages {

    private final ServicePage page;
    private final DeploysServiceTab tab;

    public ServicePages(DoraQuery dora, MigrationTracker migration, DeployGate gate, CatalogView catalog,
            OrgClock clock, PluginUrls urls, BreakGlassForms breakGlass) {
        ServiceView view = new ServiceView(dora, migration, gate, clock, urls);
        this.page = new ServicePage(view, catalog);
        this.tab = new DeploysServiceTab(view, catalog, breakGlass);
    }

    /** @return the service page's route */
    public List<PageRoute> routes() {
        return List.of(page.route());
    }

    /** @return the Deploys tab */
    public ServiceTab tab() {
        return tab.tab();
    }
}
