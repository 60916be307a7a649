package dev.vitals.plugins.deploys.migration;

import dev.vitals.api.CatalogView;
import dev.vitals.api.Page;
import dev.vitals.api.PageRoute;
import dev.vitals.api.PluginUrls;
import dev.vitals.plugins.deploys.catalog.ServiceRefs;
import dev.vitals.plugins.deploys.dora.OrgClock;
import dev.vitals.plugins.deploys.view.SvgChart;
import dev.vitals.plugins.deploys.view.Templates;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /migration}: every service's release mode and the share migrated, week by week. */
public final class MigrationPage {

    private final MigrationTracker migration;
    private final CatalogView catalog;
    private final OrgClock clock;
    private final Optional<LocalDate> target;
    private final PluginUrls urls;

    public MigrationPage(MigrationTracker migration, CatalogView catalog, OrgClock clock,
            Optional<LocalDate> target, PluginUrls urls) {
        this.migration = migration;
        this.catalog = catalog;
        this.clock = clock;
        this.target = target;
        this.urls = urls;
    }

    /** @return the page's route */
    public PageRoute route() {
        return PageRoute.of("/migration", ctx -> new Page("Independent-deploy migration",
                Templates.render("migration.jte", params())));
    }

    private Map<String, Object> params() {
        List<String> services = ServiceRefs.keys(catalog.services());
        List<LocalDate> weeks = WeekEnds.upTo(clock.today());
        Map<LocalDate, Double> share = migration.shareOver(services, weeks);
        List<ReleaseMode> modes = migration.modes(services, clock.today());
        Map<String, Object> params = new HashMap<>();
        params.put("urls", urls);
        params.put("modes", modes);
        params.put("independent", modes.stream().filter(ReleaseMode::independent).count());
        params.put("chart", share.isEmpty() ? "" : SvgChart.line(List.copyOf(share.values()),
                "share of services deploying independently, weekly"));
        params.put("first", weeks.get(0).toString());
        params.put("last", weeks.get(weeks.size() - 1).toString());
        params.put("target", target.map(LocalDate::toString).orElse(""));
        return params;
    }
}
