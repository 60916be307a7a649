package dev.vitals.plugins.deploys.dora;

import dev.vitals.api.CatalogView;
import dev.vitals.api.EntityRef;
import dev.vitals.api.Panel;
import dev.vitals.api.PluginUrls;
import dev.vitals.plugins.deploys.view.Templates;
import gg.jte.Content;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The four keys of a team's services over the last 90 days, on every team page. */
public final class TeamPanel {

    private final DoraQuery dora;
    private final CatalogView catalog;
    private final OrgClock clock;
    private final PluginUrls urls;

    public TeamPanel(DoraQuery dora, CatalogView catalog, OrgClock clock, PluginUrls urls) {
        this.dora = dora;
        this.catalog = catalog;
        this.clock = clock;
        this.urls = urls;
    }

    /** @return the panel */
    public Panel panel() {
        return new Panel("deploys", "Deploys (last 90 days)", (ctx, team) -> render(team));
    }

    private Content render(EntityRef team) {
        List<String> services = catalog.servicesOf(team).stream().map(s -> s.ref().key()).toList();
        DoraCard card = new DoraCard(team.name(), PluginUrls.withQuery(urls.page("/deployments"),
                Map.of("team", team.key())), dora.report(Optional.of(services), clock.lastDays(90)));
        return Templates.render("team-panel.jte", Map.of("card", card, "services", services.size()));
    }
}
