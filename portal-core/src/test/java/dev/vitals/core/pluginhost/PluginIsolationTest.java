package dev.vitals.core.pluginhost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.PluginContext;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.VitalsPlugin;
import dev.vitals.core.Vitals;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.core.testing.TestPostgres;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PluginIsolationTest {

    private static final List<String> PLUGINS = List.of("alpha", "beta", "gamma");
    private static final Map<String, Jdbi> JDBI = new LinkedHashMap<>();
    private static Vitals portal;

    /** Keeps the Jdbi the host hands it, so the test can act as the plugin. */
    static final class CapturingPlugin implements VitalsPlugin {
        private final String id;

        CapturingPlugin(String id) {
            this.id = id;
        }

        @Override
        public RunningPlugin create(PluginContext context) {
            JDBI.put(id, context.jdbi());
            return new RunningPlugin() { };
        }
    }

    @BeforeAll
    static void startPortal() {
        TestPlugins plugins = TestPlugins.of();
        PLUGINS.forEach(id -> plugins.with(id, () -> new CapturingPlugin(id)));
        portal = TestPortal.start(TestPostgres.freshDatabase(), plugins.source());
    }

    @AfterAll
    static void stopPortal() {
        portal.close();
    }

    @Test
    void everyPluginStartsInItsOwnSchemaAndCanUseIt() {
        for (String id : PLUGINS) {
            Jdbi own = JDBI.get(id);
            own.useHandle(h -> h.execute("INSERT INTO items (id, name) VALUES (1, ?)", id));
            assertEquals(id, own.withHandle(h -> h.createQuery("SELECT name FROM " + id + ".items").mapTo(String.class).one()));
            assertEquals(id, own.withHandle(h -> h.createQuery("SELECT current_schema()").mapTo(String.class).one()));
            assertEquals("vitals_" + id, own.withHandle(h -> h.createQuery("SELECT current_user").mapTo(String.class).one()));
        }
    }

    @Test
    void noPluginCanReadOrWriteAnotherPluginsSchema() {
        for (String a : PLUGINS) {
            for (String b : PLUGINS) {
                if (a.equals(b)) {
                    continue;
                }
                Jdbi asA = JDBI.get(a);
                assertDenied(asA, "SELECT count(*) FROM " + b + ".items", a, b);
                assertDenied(asA, "INSERT INTO " + b + ".items (id, name) VALUES (99, 'intruder')", a, b);
                assertDenied(asA, "UPDATE " + b + ".items SET name = 'x'", a, b);
                assertDenied(asA, "DELETE FROM " + b + ".items", a, b);
                assertDenied(asA, "CREATE TABLE " + b + ".planted (id integer)", a, b);
                assertDenied(asA, "DROP TABLE " + b + ".items", a, b);
            }
        }
    }

    @Test
    void noPluginCanReadOrWriteTheCoreSchema() {
        for (String a : PLUGINS) {
            Jdbi asA = JDBI.get(a);
            assertDenied(asA, "SELECT count(*) FROM core.plugin_settings", a, "core");
            assertDenied(asA, "SELECT value FROM core.settings", a, "core");
            assertDenied(asA, "INSERT INTO core.audit_log (at, actor, action, subject) VALUES (now(), 'x', 'y', 'z')", a, "core");
            assertDenied(asA, "CREATE TABLE core.planted (id integer)", a, "core");
        }
    }

    @Test
    void noPluginCanCreateObjectsInPublic() {
        for (String a : PLUGINS) {
            assertDenied(JDBI.get(a), "CREATE TABLE public.planted (id integer)", a, "public");
            assertDenied(JDBI.get(a), "CREATE VIEW public.planted_view AS SELECT 1 AS one", a, "public");
        }
    }

    @Test
    void noPluginCanCreateSchemasOrRoles() {
        for (String a : PLUGINS) {
            assertDenied(JDBI.get(a), "CREATE SCHEMA squat", a, "the database");
            assertDenied(JDBI.get(a), "CREATE ROLE squatter", a, "the cluster");
        }
    }

    private static void assertDenied(Jdbi as, String sql, String who, String target) {
        UnableToExecuteStatementException e = assertThrows(UnableToExecuteStatementException.class,
                () -> as.useHandle(h -> h.execute(sql)), who + " must not be allowed: " + sql);
        assertTrue(e.getMessage().contains("permission denied"),
                who + " -> " + target + ": expected 'permission denied', got " + e.getMessage());
    }
}
