package dev.vitals.plugins.deploys.migration;

import dev.vitals.api.CatalogView;
import dev.vitals.api.EntityRef;
import dev.vitals.api.Page;
import dev.vitals.api.PageRoute;
import dev.vitals.api.Panel;
import dev.vitals.api.PluginUrls;
import dev.vitals.plugins.deploys.catalog.ServiceRefs;
import dev.vitals.plugins.deploys.dora.OrgClock;
import dev.vitals.plugins.deploys.view.DeployCharts;
import dev.vitals.plugins.deploys.view.Templates;
import gg.jte.Content;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How far the move to independent deploys has come: for every service on the tracker page ({@code /migration}), and
 * for a program's services in scope on every program page.
 */
public final class MigrationViews {

    private final MigrationTracker migration;
    private final CatalogView catalog;
    private final OrgClock clock;
    private final Optional<LocalDate> target;
    private final PluginUrls urls;

    /** @param target the date by which every service should deploy independently, if set */
    public MigrationViews(MigrationTracker migration, CatalogView catalog, OrgClock clock,
            Optional<LocalDate> target, PluginUrls urls) {
        this.migration = migration;
        this.catalog = catalog;
        this.clock = clock;
        this.target = target;
        this.urls = urls;
    }

    /** @return the tracker page's route */
    public PageRoute route() {
        return PageRoute.of("/migration", ctx -> new Page("Independent-deploy migration",
                Templates.render("migration.jte", trackerParams())));
    }

    /** @return the program panel */
    public Panel programPanel() {
        return new Panel("migration", "Independent deploys", (ctx, program) -> programPanel(program));
    }

    private Map<String, Object> trackerParams() {
        List<String> services = ServiceRefs.keys(catalog.services());
        List<LocalDate> weeks = WeekEnds.upTo(clock.today());
        List<ReleaseMode> modes = migration.modes(services, clock.today());
        Map<String, Object> params = common(services, weeks, "Share of services deploying independently at the end of"
                + " each week, " + weeks.get(0) + " to " + weeks.get(weeks.size() - 1));
        params.put("modes", modes);
        params.put("independent", modes.stream().filter(ReleaseMode::independent).count());
        return params;
    }

    private Content programPanel(EntityRef program) {
        List<String> services = ServiceRefs.keys(catalog.servicesOf(program));
        Map<String, Object> params = common(services, WeekEnds.upTo(clock.today()),
                "Share of the program's services deploying independently, weekly");
        params.put("services", services.size());
        params.put("independent", migration.modes(services, clock.today()).stream()
                .filter(ReleaseMode::independent).count());
        return Templates.render("program-panel.jte", params);
    }

    /** The share chart, the target date and the URLs, which both views show. */
    private Map<String, Object> common(List<String> services, List<LocalDate> weeks, String chartTitle) {
        Map<LocalDate, Double> share = migration.shareOver(services, weeks);
        Map<String, Object> params = new HashMap<>();
        params.put("urls", urls);
        params.put("chart", share.isEmpty() ? Optional.empty() : Optional.of(DeployCharts.independentShare(chartTitle,
                share)));
        params.put("target", target.map(LocalDate::toString).orElse(""));
        return params;
    }
}
