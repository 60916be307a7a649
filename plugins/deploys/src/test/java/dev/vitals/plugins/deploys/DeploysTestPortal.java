package dev.vitals.plugins.deploys;

import dev.vitals.api.PluginContext;
import dev.vitals.core.Vitals;
import dev.vitals.core.audit.Actor;
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
 * A portal running only this plugin against a fresh database, with a small catalog: teams streaming (alpha, beta)
 * and billing (gamma).
 */
public final class DeploysTestPortal implements AutoCloseable {

    private final Vitals vitals;
    private final DeploysPlugin plugin;

    private DeploysTestPortal(Vitals vitals, DeploysPlugin plugin) {
        this.vitals = vitals;
        this.plugin = plugin;
    }

    public static DeploysTestPortal start(String timeZone, Map<String, String> env) {
        DeploysPlugin plugin = new DeploysPlugin();
        Map<String, String> all = new HashMap<>(env);
        all.put("VITALS_TIMEZONE", timeZone);
        Vitals vitals = TestPortal.start(TestPostgres.freshDatabase(),
                TestPlugins.of().with("deploys", () -> plugin).source(), all);
        vitals.catalogSources().importText("deploys-test", catalog(), new Actor("test", Optional.empty()));
        return new DeploysTestPortal(vitals, plugin);
    }

    public static String catalog() {
        try (InputStream in = DeploysTestPortal.class.getResourceAsStream("/deploys-test-catalog.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PluginContext context() {
        return plugin.context();
    }

    public DeploysPlugin plugin() {
        return plugin;
    }

    public Vitals vitals() {
        return vitals;
    }

    /** Empties the plugin's tables between tests. */
    public void clear() {
        context().jdbi().useHandle(h -> h.execute(
                "TRUNCATE deploy_days, commit_first_deploys, deployment_commits, deployments, incidents;"
                + " UPDATE dora_version SET version = version + 1"));
    }

    @Override
    public void close() {
        vitals.close();
    }
}
