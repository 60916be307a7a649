package dev.vitals.core.pluginhost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.RunningPlugin;
import dev.vitals.core.Vitals;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.core.testing.TestPostgres;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;

/** The host runs with exactly the grants the README lists for an external database, and no more. */
class LeastPrivilegeHostTest {

    // Roles are cluster-wide and a role's creator is the only non-superuser allowed to alter it: fresh ids per run.
    private static final String FIRST = "lp" + ProcessHandle.current().pid() + "a";
    private static final String SECOND = "lp" + ProcessHandle.current().pid() + "b";

    @Test
    void aHostThatIsNotSuperuserProvisionsIsolatedPlugins() {
        Map<String, Jdbi> jdbi = new HashMap<>();
        TestPlugins plugins = TestPlugins.of();
        for (String id : new String[] {FIRST, SECOND}) {
            plugins.with(id, () -> context -> {
                jdbi.put(id, context.jdbi());
                context.jdbi().useHandle(h -> h.execute("CREATE TABLE IF NOT EXISTS things (id integer)"));
                return new RunningPlugin() { };
            });
        }
        try (Vitals portal = TestPortal.start(TestPostgres.freshDatabaseWithLeastPrivilege(), plugins.source())) {
            assertEquals(PluginState.STARTED, portal.plugins().plugin(FIRST).orElseThrow().state(),
                    portal.plugins().plugin(FIRST).orElseThrow().status().toString());
            assertEquals(PluginState.STARTED, portal.plugins().plugin(SECOND).orElseThrow().state());
            UnableToExecuteStatementException e = assertThrows(UnableToExecuteStatementException.class,
                    () -> jdbi.get(FIRST).useHandle(h -> h.execute("SELECT * FROM " + SECOND + ".things")));
            assertTrue(e.getMessage().contains("permission denied"), e.getMessage());
        }
    }
}
