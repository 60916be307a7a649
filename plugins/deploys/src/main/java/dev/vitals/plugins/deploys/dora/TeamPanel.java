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

/**
 * The four keys of a team's services over {@link DoraWindow}, on every team page, and what changed since the window
 * before, with arrows and numbers.
 */
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
        return new Panel("deploys", "DORA keys, " + DoraWindow.LABEL, (ctx, team) -> render(team));
    }

    private Content render(EntityRef team) {
        List<String> services = catalog.servicesOf(team).stream().map(s -> s.ref().key()).toList();
        DoraReport now = dora.report(Optional.of(services), DoraWindow.current(clock));
        DoraCard card = new DoraCard(team.name(), PluginUrls.withQuery(urls.page("/deployments"),
                Map.of("team", team.key())), now);
        List<KeyChange> changes = KeyChange.of(now, dora.report(Optional.of(services), DoraWindow.previous(clock)));
        return Templates.render("team-panel.jte", Map.of("card", card, "services", services.size(),
                "changes", changes));
    }
}
