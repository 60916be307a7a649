package dev.vitals.plugins.slo;

import dev.vitals.api.PluginUrls;
import dev.vitals.plugins.slo.alerts.AlertLog;
import dev.vitals.plugins.slo.ingest.PullLog;
import dev.vitals.plugins.slo.links.SloLinks;
import dev.vitals.plugins.slo.objectives.BudgetingMethod;
import dev.vitals.plugins.slo.objectives.Slo;
import dev.vitals.plugins.slo.objectives.SloRepository;
import dev.vitals.plugins.slo.objectives.SloWindow;
import dev.vitals.plugins.slo.samples.MinuteRetention;
import dev.vitals.plugins.slo.samples.SampleRepository;
import dev.vitals.plugins.slo.samples.SampleWrites;
import dev.vitals.plugins.slo.status.LatestStatuses;
import dev.vitals.plugins.slo.status.SloEvaluator;
import dev.vitals.testkit.VitalsPortal;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jdbi.v3.core.Jdbi;

/**
 * The plugin's stores on its own schema, built as the plugin builds them from its context: tests reach the plugin's
 * data through these while the portal runs the plugin beside them.
 *
 * @param jdbi the plugin's schema, as the plugin's role sees it
 * @param orgTimeZone the organisation's time zone the portal runs with
 * @param urls the plugin's URLs
 */
public record SloStores(Jdbi jdbi, ZoneId orgTimeZone, PluginUrls urls) {

    /**
     * @param portal a test kit portal running the plugin
     * @param orgTimeZone the time zone the portal was given ({@code VITALS_TIMEZONE}), UTC unless the test set one
     * @return the stores on the plugin's schema in that portal
     */
    public static SloStores of(VitalsPortal portal, ZoneId orgTimeZone) {
        return new SloStores(portal.pluginJdbi(), orgTimeZone, new PluginUrls(portal.pluginId()));
    }

    public SloRepository slos() {
        return new SloRepository(jdbi);
    }

    public SampleRepository samples() {
        return new SampleRepository(jdbi);
    }

    public SloEvaluator evaluator() {
        return new SloEvaluator(samples(), orgTimeZone, Runnable::run);
    }

    public AlertLog alerts() {
        return new AlertLog(jdbi, List.of(), links());
    }

    public LatestStatuses latestStatuses() {
        return new LatestStatuses(jdbi);
    }

    public MinuteRetention retention() {
        return new MinuteRetention(jdbi, new SampleWrites(jdbi));
    }

    public PullLog pullLog() {
        return new PullLog(jdbi);
    }

    public SloLinks links() {
        return new SloLinks(urls);
    }

    /** Creates an SLO of team payments on service billing-api. */
    public Slo create(String name, double objective, SloWindow window, BudgetingMethod method, OptionalDouble threshold,
            Instant updatedAt) {
        // Double literals in tests are written as decimals; valueOf reads them back as written (0.999, not its binary).
        Slo slo = new Slo(name, Optional.of("billing-api"), Optional.empty(), Optional.of("payments"),
                BigDecimal.valueOf(objective), window, method,
                threshold.isPresent() ? Optional.of(BigDecimal.valueOf(threshold.getAsDouble())) : Optional.empty(),
                Optional.empty(), updatedAt);
        slos().create(slo);
        return slo;
    }
}
