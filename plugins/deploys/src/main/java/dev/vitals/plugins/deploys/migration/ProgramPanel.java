package dev.vitals.plugins.deploys.migration;

import dev.vitals.api.CatalogView;
import dev.vitals.api.EntityRef;
import dev.vitals.api.Panel;
import dev.vitals.api.PluginUrls;
import dev.vitals.plugins.deploys.catalog.ServiceRefs;
import dev.vitals.plugins.deploys.dora.OrgClock;
import dev.vitals.plugins.deploys.view.SvgChart;
import dev.vitals.plugins.deploys.view.Templates;
import gg.jte.Content;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How far a program's services have moved to independent deploys, on every program page. */
public final class ProgramPanel {

    private final MigrationTracker migration;
    private final CatalogView catalog;
    private final OrgClock clock;
    private final Optional<LocalDate> target;
    private final PluginUrls urls;

    public ProgramPanel(MigrationTracker migration, CatalogView catalog, OrgClock clock,
            Optional<LocalDate> target, PluginUrls urls) {
        this.migration = migration;
        this.catalog = catalog;
        this.clock = clock;
        this.target = target;
        this.urls = urls;
    }

    /** @return the panel */
    public Panel panel() {
        return new Panel("migration", "Independent deploys", (ctx, program) -> render(program));
    }

    private Content render(EntityRef program) {
        List<String> services = ServiceRefs.keys(catalog.servicesOf(program));
        Map<LocalDate, Double> share = migration.shareOver(services, WeekEnds.upTo(clock.today()));
        Map<String, Object> params = new HashMap<>();
        params.put("urls", urls);
        params.put("services", services.size());
        params.put("independent", migration.modes(services, clock.today()).stream()
                .filter(ReleaseMode::independent).count());
        params.put("chart", share.isEmpty() ? "" : SvgChart.line(List.copyOf(share.values()),
                "share of the program's services deploying independently, weekly"));
        params.put("target", target.map(LocalDate::toString).orElse(""));
        return Templates.render("program-panel.jte", params);
    }
}
