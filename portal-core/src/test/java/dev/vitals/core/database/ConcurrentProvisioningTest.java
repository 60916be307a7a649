package dev.vitals.core.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zaxxer.hikari.HikariDataSource;
import dev.vitals.core.testing.TestPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Several portal instances on one database owned by a role without superuser (the README's grants) migrate core and
 * provision the same plugin at the same moment, and again on every restart.
 */
class ConcurrentProvisioningTest {

    // Roles are cluster-wide and only their creator may alter them: an id of this run's own.
    private static final String PLUGIN = "cp" + ProcessHandle.current().pid();

    @Test
    void instancesStartingTogetherAndRestartingMigrateAndProvisionWithoutTrippingOverEachOther() throws Exception {
        DatabaseSettings settings = TestPostgres.freshDatabaseWithLeastPrivilege();
        List<Database> instances = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                instances.add(Database.connect(settings, new SimpleMeterRegistry()));
            }
            allAtOnce(instances.stream().<Callable<Void>>map(db -> () -> {
                db.migrate();
                new PluginSchemas(db).provision(PLUGIN);
                return null;
            }).toList());
            // A restart of every instance: the role and schema exist now.
            allAtOnce(instances.stream().<Callable<Void>>map(db -> () -> {
                db.migrate();
                new PluginSchemas(db).provision(PLUGIN);
                return null;
            }).toList());

            try (HikariDataSource pool = new PluginSchemas(instances.get(0)).openPool(PLUGIN, 2)) {
                var jdbi = PluginSchemas.jdbi(pool);
                assertEquals(PluginSchemas.roleName(PLUGIN), jdbi.withHandle(h -> h.createQuery(
                        "SELECT current_user").mapTo(String.class).one()));
                assertEquals(PLUGIN, jdbi.withHandle(h -> h.createQuery(
                        "SELECT current_schema()").mapTo(String.class).one()));
                assertEquals("1min", jdbi.withHandle(h -> h.createQuery(
                        "SHOW statement_timeout").mapTo(String.class).one()), "the pool's statement timeout");
                assertEquals("10min", jdbi.withHandle(h -> h.createQuery(
                        "SHOW idle_in_transaction_session_timeout").mapTo(String.class).one()),
                        "a transaction left idle by a portal gone without a word ends after ten statement timeouts");
                int socketTimeoutMillis = jdbi.withHandle(h -> h.getConnection().getNetworkTimeout());
                assertEquals(90_000, socketTimeoutMillis, "the pool's socket timeout");
            }
        } finally {
            instances.forEach(Database::close);
        }
    }

    private static void allAtOnce(List<Callable<Void>> starts) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(starts.size());
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<Void>> running = new ArrayList<>();
            for (Callable<Void> start : starts) {
                running.add(threads.submit(() -> {
                    gate.await();
                    return start.call();
                }));
            }
            gate.countDown();
            for (Future<Void> each : running) {
                each.get();
            }
        } finally {
            threads.shutdown();
        }
    }
}
