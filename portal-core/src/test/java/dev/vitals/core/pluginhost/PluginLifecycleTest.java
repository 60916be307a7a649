package dev.vitals.core.pluginhost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.PluginApiVersion;
import dev.vitals.api.PluginContext;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.Setting;
import dev.vitals.api.VitalsPlugin;
import dev.vitals.core.Vitals;
import dev.vitals.core.audit.Actor;
import dev.vitals.core.audit.AuditLog.AuditEntry;
import dev.vitals.core.config.ConfigException;
import dev.vitals.core.database.DatabaseSettings;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.core.testing.TestPostgres;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class PluginLifecycleTest {

    static final class Healthy implements VitalsPlugin {
        final AtomicInteger starts = new AtomicInteger();
        final AtomicInteger stops = new AtomicInteger();
        volatile Jdbi jdbi;

        @Override
        public RunningPlugin create(PluginContext context) {
            starts.incrementAndGet();
            jdbi = context.jdbi();
            return new RunningPlugin() {
                @Override
                public void stop() {
                    stops.incrementAndGet();
                }
            };
        }
    }

    static final class ThrowsOnStart implements VitalsPlugin {
        @Override
        public RunningPlugin create(PluginContext context) {
            throw new IllegalStateException("cannot reach the billing API");
        }
    }

    @Test
    void aPluginWhoseStartThrowsIsFailedAndEveryOtherPluginServes() {
        Healthy healthy = new Healthy();
        try (Vitals portal = TestPortal.start(TestPostgres.freshDatabase(), TestPlugins.of()
                .with("alpha", () -> new ThrowsOnStart())
                .with("beta", () -> healthy).source())) {
            PluginStatus failed = portal.plugins().plugin("alpha").orElseThrow().status();
            assertEquals(PluginState.FAILED, failed.state());
            assertTrue(failed.reason().orElseThrow().contains("cannot reach the billing API"), failed.reason().toString());
            assertEquals(PluginState.STARTED, portal.plugins().plugin("beta").orElseThrow().state());
            assertEquals(Integer.valueOf(1), healthy.jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()));
            assertTrue(portal.isReady());
        }
    }

    /** Its first start meets the database away, as the driver reports a refused connection; later starts succeed. */
    static final class StartsOnceTheDatabaseAnswers implements VitalsPlugin {
        final AtomicInteger starts = new AtomicInteger();

        @Override
        public RunningPlugin create(PluginContext context) {
            if (starts.incrementAndGet() == 1) {
                throw new IllegalStateException("reading its settings failed",
                        new SQLException("Connection to localhost:5432 refused.", "08001"));
            }
            context.jdbi().withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            return new RunningPlugin() {
            };
        }
    }

    @Test
    void aPluginWhoseStartMetTheDatabaseAwayStartsAtTheNextReconcileAndOneThatThrewStaysFailed() {
        StartsOnceTheDatabaseAnswers flaky = new StartsOnceTheDatabaseAnswers();
        try (Vitals portal = TestPortal.start(TestPostgres.freshDatabase(), TestPlugins.of()
                .with("flaky", () -> flaky)
                .with("broken", () -> new ThrowsOnStart()).source())) {
            PluginStatus failed = portal.plugins().plugin("flaky").orElseThrow().status();
            assertEquals(PluginState.FAILED, failed.state());
            assertTrue(failed.reason().orElseThrow().contains("the database was away"), failed.reason().get());

            portal.plugins().reconcile();

            assertEquals(PluginState.STARTED, portal.plugins().plugin("flaky").orElseThrow().state());
            assertEquals(2, flaky.starts.get());
            assertEquals(PluginState.FAILED, portal.plugins().plugin("broken").orElseThrow().state(),
                    "a start that failed for a reason of its own is not retried");
            portal.plugins().reconcile();
            assertEquals(2, flaky.starts.get(), "a started plugin is not started again");
        }
    }

    @Test
    void aFailedMigrationLeavesThePluginsSchemaExactlyAsItWas() {
        DatabaseSettings db = TestPostgres.freshDatabase();
        try (Vitals portal = TestPortal.start(db, TestPlugins.of().with("shaky", Healthy::new).source())) {
            PluginStatus status = portal.plugins().plugin("shaky").orElseThrow().status();
            assertEquals(PluginState.FAILED, status.state());
            assertTrue(status.reason().orElseThrow().startsWith("migrating schema shaky failed"), status.reason().get());
            assertEquals(List.of(), tablesIn(portal, "shaky"), "no table of the failed batch may remain");
        }
    }

    @Test
    void aPluginNeedingAnotherApiVersionIsRefusedNamingBothVersions() {
        try (Vitals portal = TestPortal.start(TestPostgres.freshDatabase(), TestPlugins.of()
                .with("alpha", ">=3.0.0 & <4.0.0", Healthy::new)
                .with("beta", Healthy::new).source())) {
            PluginStatus refused = portal.plugins().plugin("alpha").orElseThrow().status();
            assertEquals(PluginState.FAILED, refused.state());
            String current = PluginApiVersion.CURRENT;
            assertEquals(Optional.of("built for plugin API >=3.0.0 & <4.0.0, but this portal provides " + current
                    + "; upgrade the portal or build the plugin against " + current.substring(0, current.lastIndexOf('.'))),
                    refused.reason());
            assertEquals(PluginState.STARTED, portal.plugins().plugin("beta").orElseThrow().state());
            assertEquals(List.of(), tablesIn(portal, "alpha"), "a refused plugin is never migrated");
        }
    }

    @Test
    void disablingStopsThePluginKeepsItsDataAndIsRememberedAcrossRestarts() {
        DatabaseSettings db = TestPostgres.freshDatabase();
        Healthy first = new Healthy();
        Actor admin = new Actor("ada", Optional.of("10.1.2.3"));
        try (Vitals portal = TestPortal.start(db, TestPlugins.of().with("alpha", () -> first).source())) {
            first.jdbi.useHandle(h -> h.execute("INSERT INTO items (id, name) VALUES (1, 'kept')"));

            PluginStatus disabled = portal.plugins().setEnabled("alpha", false, admin);

            assertEquals(PluginState.DISABLED, disabled.state());
            assertTrue(disabled.reason().orElseThrow().startsWith("disabled by ada at "), disabled.reason().get());
            assertEquals(1, first.stops.get());
            AuditEntry entry = portal.audit().recent(1).get(0);
            assertEquals(List.of("ada", "plugin.disable", "plugin:alpha", "10.1.2.3"),
                    List.of(entry.actor(), entry.action(), entry.subject(), entry.sourceAddress().orElseThrow()));
            assertEquals("{\"enabled\": false}", entry.after().orElseThrow());
        }
        Healthy second = new Healthy();
        try (Vitals restarted = TestPortal.start(db, TestPlugins.of().with("alpha", () -> second).source())) {
            assertEquals(PluginState.DISABLED, restarted.plugins().plugin("alpha").orElseThrow().state());
            assertEquals(0, second.starts.get());

            assertEquals(PluginState.STARTED, restarted.plugins().setEnabled("alpha", true, admin).state());
            assertEquals("kept", second.jdbi.withHandle(h -> h.createQuery("SELECT name FROM items WHERE id = 1")
                    .mapTo(String.class).one()));
        }
    }

    @Test
    void aPluginOutsideVitalsPluginsStaysDisabledAndCannotBeEnabled() {
        try (Vitals portal = TestPortal.start(TestPostgres.freshDatabase(), TestPlugins.of()
                .with("alpha", Healthy::new).with("beta", Healthy::new).source(), Map.of("VITALS_PLUGINS", "beta"))) {
            PluginStatus alpha = portal.plugins().plugin("alpha").orElseThrow().status();
            assertEquals(PluginState.DISABLED, alpha.state());
            assertEquals(Optional.of("not in VITALS_PLUGINS"), alpha.reason());
            assertThrows(PluginNotAllowedException.class,
                    () -> portal.plugins().setEnabled("alpha", true, Actor.SYSTEM));
            assertEquals(PluginState.STARTED, portal.plugins().plugin("beta").orElseThrow().state());
        }
    }

    @Test
    void anUnknownVitalsVariableStopsStartUpNamingIt() {
        ConfigException e = assertThrows(ConfigException.class, () -> TestPortal.start(TestPostgres.freshDatabase(),
                TestPlugins.of().with("alpha", Healthy::new).source(), Map.of("VITALS_PROT", "9090")));
        assertTrue(e.getMessage().startsWith("unknown variable VITALS_PROT"), e.getMessage());
    }

    @Test
    void aPluginsOwnVariablesAreItsTypedSettings() {
        AtomicLong seen = new AtomicLong();
        Setting<Long> batchSize = Setting.integer("batch_size", "rows per batch").withDefault(100L);
        VitalsPlugin reader = new VitalsPlugin() {
            @Override
            public List<Setting<?>> settings() {
                return List.of(batchSize);
            }

            @Override
            public RunningPlugin create(PluginContext context) {
                seen.set(context.settings().get(batchSize));
                return new RunningPlugin() { };
            }
        };
        try (Vitals portal = TestPortal.start(TestPostgres.freshDatabase(), TestPlugins.of()
                .with("alpha", () -> reader).source(), Map.of("VITALS_ALPHA_BATCH_SIZE", "250"))) {
            assertEquals(250, seen.get());
        }
    }

    private static List<String> tablesIn(Vitals portal, String schema) {
        return portal.database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT tablename FROM pg_tables WHERE schemaname = :s ORDER BY tablename")
                .bind("s", schema).mapTo(String.class).list());
    }
}
