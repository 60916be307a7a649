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
import dev.vitals.plugins.slo.objectives.SloRepository;
import dev.vitals.plugins.slo.samples.SampleRepository;
import dev.vitals.plugins.slo.status.LatestStatuses;
import dev.vitals.plugins.slo.status.SloEvaluator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;

/**
 * A portal running only the SLO plugin on a fresh database, for the tests that need the very context the host hands
 * the plugin (its measures, signals and catalog view), which the test kit keeps to the portal; the others run on the
 * test kit with {@link SloStores}.
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

    /** The plugin's stores on the context the host handed it. */
    public SloStores stores() {
        return new SloStores(context.jdbi(), context.orgTimeZone(), context.urls());
    }

    public Jdbi jdbi() {
        return context.jdbi();
    }

    public SloRepository slos() {
        return stores().slos();
    }

    public SampleRepository samples() {
        return stores().samples();
    }

    public SloEvaluator evaluator() {
        return stores().evaluator();
    }

    public AlertLog alerts() {
        return stores().alerts();
    }

    public LatestStatuses latestStatuses() {
        return stores().latestStatuses();
    }

    @Override
    public void close() {
        portal.close();
    }
}
