package dev.vitals.core.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.RunningPlugin;
import dev.vitals.core.Vitals;
import dev.vitals.core.config.VitalsConfig;
import dev.vitals.core.pluginhost.PluginSource;
import dev.vitals.core.pluginhost.PluginState;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.core.testing.TestPortal;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory made by earlier versions (zonky's defaults: trust for everyone, the portal in database
 * {@code postgres} as the superuser) is brought to passwords and a host role that is not superuser, keeping its data.
 */
class EmbeddedDatabaseUpgradeTest {

    @Test
    void anEarlierDataDirectoryKeepsItsDataAndPluginsAndStopsTrustingAnyone(@TempDir Path dataDir) throws Exception {
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false).setServerConfig("max_connections", "300").start();
                Vitals portal = TestPortal.start(new DatabaseSettings(
                        "jdbc:postgresql://localhost:" + old.getPort() + "/postgres", "postgres", ""), plugin())) {
            assertEquals(PluginState.STARTED, portal.plugins().plugin("alpha").orElseThrow().state());
            portal.database().jdbi().useHandle(h -> h.execute(
                    "INSERT INTO core.settings (key, value) VALUES ('written-by-an-earlier-version', 'kept')"));
        }

        VitalsConfig config = VitalsConfig.fromEnvironment(Map.of("VITALS_DATA_DIR", dataDir.toString()));
        try (Vitals portal = Vitals.start(config, plugin(), new SimpleMeterRegistry(), new Vitals.Options(
                Clock.systemUTC(), Duration.ofMillis(200), Duration.ofHours(1), Duration.ofHours(1)))) {
            assertEquals(PluginState.STARTED, portal.plugins().plugin("alpha").orElseThrow().state(),
                    portal.plugins().plugin("alpha").orElseThrow().status().toString());
            assertEquals("vitals", portal.database().settings().user());
            assertEquals("kept", portal.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT value FROM core.settings WHERE key = 'written-by-an-earlier-version'")
                    .mapTo(String.class).one()));
            assertEquals(List.of("first"), alpha.get().withHandle(
                    h -> h.createQuery("SELECT name FROM items").mapTo(String.class).list()));
            assertEquals(0L, (long) portal.database().jdbi().withHandle(h -> h.createQuery("""
                    SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = 'core' AND pg_get_userbyid(c.relowner) <> 'vitals'""").mapTo(Long.class).one()),
                    "everything in core belongs to the host role");
            String url = portal.database().settings().url();
            for (String database : List.of("vitals", "postgres")) {
                EmbeddedPostgresServerTest.assertAskedForAPasswordAndRefused(
                        new DatabaseSettings(EmbeddedPostgresServer.url(url, database), "postgres", ""));
            }
        }
    }

    private final AtomicReference<Jdbi> alpha = new AtomicReference<>();

    /** Plugin {@code alpha} (migrations in the test resources) writes one row at its first start. */
    private PluginSource plugin() {
        return TestPlugins.of().with("alpha", () -> context -> {
            alpha.set(context.jdbi());
            context.jdbi().useHandle(h -> h.execute(
                    "INSERT INTO items (id, name) VALUES (1, 'first') ON CONFLICT DO NOTHING"));
            return new RunningPlugin() { };
        }).source();
    }
}
