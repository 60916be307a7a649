package dev.vitals.plugins.deploys;

import dev.vitals.api.PluginContext;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.Signals;
import dev.vitals.core.Vitals;
import dev.vitals.core.audit.Actor;
import dev.vitals.core.database.DatabaseSettings;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.core.testing.TestPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A portal running this plugin against a fresh database, with a small catalog: teams streaming (alpha, beta) and
 * billing (gamma). Beside it run two plugins that only publish signals, {@code slo} and {@code other}, so tests can
 * give the deploy gate error-budget verdicts exactly as the SLO plugin would, through the portal.
 */
public final class DeploysTestPortal implements AutoCloseable {

    private final Vitals vitals;
    private final ObservedPlugin deploys;
    private final Map<String, SignalSource> sources;

    private DeploysTestPortal(Vitals vitals, ObservedPlugin deploys, Map<String, SignalSource> sources) {
        this.vitals = vitals;
        this.deploys = deploys;
        this.sources = sources;
    }

    public static DeploysTestPortal start(String timeZone, Map<String, String> env) {
        return start(TestPostgres.freshDatabase(), timeZone, env);
    }

    public static DeploysTestPortal start(DatabaseSettings database, String timeZone, Map<String, String> env) {
        ObservedPlugin deploys = new ObservedPlugin();
        SignalSource slo = new SignalSource();
        SignalSource other = new SignalSource();
        Map<String, String> all = new HashMap<>(env);
        all.put("VITALS_TIMEZONE", timeZone);
        Vitals vitals = TestPortal.start(database, TestPlugins.of().with("slo", () -> slo).with("other", () -> other)
                .with("deploys", () -> deploys).source(), all);
        vitals.catalogSources().importText("deploys-test", catalog(), new Actor("test", Optional.empty()));
        return new DeploysTestPortal(vitals, deploys, Map.of("slo", slo, "other", other));
    }

    public static String catalog() {
        try (InputStream in = DeploysTestPortal.class.getResourceAsStream("/deploys-test-catalog.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the context the host gave the deploys plugin */
    public PluginContext context() {
        return deploys.context();
    }

    /** @return the deploys plugin as it runs */
    public RunningPlugin running() {
        return deploys.running();
    }

    /** @param pluginId {@code slo} or {@code other} @return that plugin's signals, to publish as it */
    public Signals signalsOf(String pluginId) {
        return sources.get(pluginId).signals();
    }

    public Vitals vitals() {
        return vitals;
    }

    /** Empties the plugin's tables between tests. */
    public void clear() {
        context().jdbi().useHandle(h -> h.execute(
                "TRUNCATE deploy_days, commit_first_deploys, deployments, deployment_inbox, incidents;"
                + " SELECT nextval('dora_version')"));
    }

    @Override
    public void close() {
        vitals.close();
    }
}
