package dev.vitals.plugins.deploys.pages;

import dev.vitals.api.CatalogEntity;
import dev.vitals.api.PluginUrls;
import dev.vitals.plugins.deploys.dora.DoraCard;
import dev.vitals.plugins.deploys.dora.DoraQuery;
import dev.vitals.plugins.deploys.dora.DoraWindow;
import dev.vitals.plugins.deploys.dora.OrgClock;
import dev.vitals.plugins.deploys.gate.DeployGate;
import dev.vitals.plugins.deploys.ingest.EnvironmentNames;
import dev.vitals.plugins.deploys.migration.MigrationTracker;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every view of one service shows, whichever feature it comes from: its four keys over {@link DoraWindow}, its release
 * mode and whether the deploy gate is open now.
 */
final class ServiceView {

    private final DoraQuery dora;
    private final MigrationTracker migration;
    private final DeployGate gate;
    private final OrgClock clock;
    private final PluginUrls urls;

    ServiceView(DoraQuery dora, MigrationTracker migration, DeployGate gate, OrgClock clock, PluginUrls urls) {
        this.dora = dora;
        this.migration = migration;
        this.gate = gate;
        this.clock = clock;
        this.urls = urls;
    }

    DoraQuery dora() {
        return dora;
    }

    OrgClock clock() {
        return clock;
    }

    PluginUrls urls() {
        return urls;
    }

    /**
     * @param service the service
     * @param link where the card's title leads
     * @return the parameters its templates share: urls, card, mode, gate, service
     */
    Map<String, Object> params(CatalogEntity service, String link) {
        String key = service.ref().key();
        Map<String, Object> params = new HashMap<>();
        params.put("urls", urls);
        params.put("card", new DoraCard(key, link, dora.report(Optional.of(List.of(key)), DoraWindow.current(clock))));
        params.put("mode", migration.modes(List.of(key), clock.today()).get(0));
        params.put("gate", gate.decide(service, EnvironmentNames.PRODUCTION, clock.now()));
        params.put("service", key);
        return params;
    }
}
