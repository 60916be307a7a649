package dev.vitals.plugins.slo;

import dev.vitals.api.PluginContext;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.Setting;
import dev.vitals.api.VitalsPlugin;
import dev.vitals.core.Vitals;
import dev.vitals.core.pluginhost.PluginState;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.core.testing.TestPostgres;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;

/**
 * A portal running only the SLO plugin on a fresh database, and the plugin's stores built on the plugin's own
 * connections, as the plugin builds them: tests reach its data through these and its behaviour through the portal.
 */
public final class SloTestPortal implements AutoCloseable {

    private final Vitals portal;
    private final PluginContext context;

    private SloTestPortal(Vitals portal, PluginContext context) {
        this.portal = portal;
        this.context = context;
    }

    public static SloTestPortal start(Map<String, String> env) {
        AtomicReference<PluginContext> started = new AtomicReference<>();
        SloPlugin slo = new SloPlugin();
        // The plugin as the host sees it, keeping the context the host hands it.
        VitalsPlugin plugin = new VitalsPlugin() {
            @Override
            public RunningPlugin create(PluginContext context) {
                started.set(context);
                return slo.create(context);
            }

            @Override
            public List<Setting<?>> settings() {
                return slo.settings();
            }
        };
        Vitals portal = TestPortal.start(TestPostgres.freshDatabase(), TestPlugins.of().with("slo", () -> plugin)
                .source(), env);
        PluginState state = portal.plugins().plugin("slo").orElseThrow().state();
        if (state != PluginState.STARTED) {
            portal.close();
            throw new AssertionError("the SLO plugin did not start: " + portal.plugins().plugin("slo").orElseThrow()
                    .status());
        }
        return new SloTestPortal(portal, started.get());
    }

    public Vitals portal() {
        return portal;
    }

    public PluginContext context() {
        return context;
    }

    public Jdbi jdbi() {
        return context.jdbi();
    }

    public SloRepository slos() {
        return new SloRepository(jdbi());
    }

    public SampleRepository samples() {
        return new SampleRepository(jdbi());
    }

    public SloEvaluator evaluator() {
        return new SloEvaluator(samples(), context.orgTimeZone(), Runnable::run);
    }

    public AlertLog alerts() {
        return new AlertLog(jdbi(), List.of(), links());
    }

    public LatestStatuses latestStatuses() {
        return new LatestStatuses(jdbi());
    }

    public MinuteRetention retention() {
        return new MinuteRetention(jdbi(), new SampleWrites(jdbi()));
    }

    public PullLog pullLog() {
        return new PullLog(jdbi());
    }

    public SloLinks links() {
        return new SloLinks(context.urls());
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

    @Override
    public void close() {
        portal.close();
    }
}
