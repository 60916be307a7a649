package dev.vitals.core.testing;

import dev.vitals.core.Vitals;
import dev.vitals.core.config.VitalsConfig;
import dev.vitals.core.database.DatabaseSettings;
import dev.vitals.core.jobs.JobScheduler;
import dev.vitals.core.pluginhost.PluginSource;
import dev.vitals.core.pluginhost.RouteCheck;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Starts the host core against a test database, the way {@code Main} does but with test plugins and settings. */
public final class TestPortal {

    private TestPortal() {
    }

    /** The environment a test portal runs with: the database given, plus any extra variables. */
    public static Map<String, String> environment(DatabaseSettings database, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(extra);
        env.put("VITALS_DB_URL", database.url());
        env.put("VITALS_DB_USER", database.user());
        env.put("VITALS_DB_PASSWORD", database.password());
        return env;
    }

    public static Vitals start(DatabaseSettings database, PluginSource plugins) {
        return start(database, plugins, Map.of());
    }

    public static Vitals start(DatabaseSettings database, PluginSource plugins, Map<String, String> extraEnv) {
        return start(database, plugins, extraEnv, RouteCheck.NONE);
    }

    /**
     * A portal whose plugins' starts pass the route check given, as the web face's do. With {@code VITALS_DEMO=true}
     * it returns once the demo data is seeded, as tests read it.
     */
    public static Vitals start(DatabaseSettings database, PluginSource plugins, Map<String, String> extraEnv,
            RouteCheck routeCheck) {
        Vitals portal = startServing(database, plugins, extraEnv, routeCheck);
        try {
            awaitDemoData(portal);
            return portal;
        } catch (RuntimeException | Error e) {
            portal.close();
            throw e;
        }
    }

    /**
     * A portal that seeds its demo data (with {@code VITALS_DEMO=true}) in the background, as a listening portal
     * does, and returns at once: for a test of what shows while the demo data is still to come.
     */
    public static Vitals startServing(DatabaseSettings database, PluginSource plugins, Map<String, String> extraEnv,
            RouteCheck routeCheck) {
        VitalsConfig config = VitalsConfig.fromEnvironment(environment(database, extraEnv));
        Vitals portal = Vitals.start(config, plugins, new SimpleMeterRegistry(),
                new Vitals.Options(Clock.systemUTC(), Duration.ofMillis(200), Duration.ofHours(1), Duration.ofHours(1)),
                routeCheck);
        portal.serving();
        return portal;
    }

    /**
     * Waits until the portal's demo data is seeded; returns at once without {@code VITALS_DEMO=true}.
     *
     * @throws AssertionError when some is still to come after two minutes, naming what
     */
    public static void awaitDemoData(Vitals portal) {
        try {
            if (!portal.plugins().awaitDemoData(Duration.ofMinutes(2))) {
                throw new AssertionError("the demo data was not seeded within 2 minutes; still to come: "
                        + portal.plugins().demoProgress().orElseThrow().pending());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the demo data", e);
        }
    }

    /**
     * Waits until a plugin job has run once. Jobs start on the wall clock right after the portal does; a test that
     * stores data a job would clear (old minutes and retention, say) waits for that first run so it cannot race it.
     */
    public static void awaitFirstRun(Vitals portal, String pluginId, String jobName) {
        String task = JobScheduler.taskName(pluginId, jobName);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (portal.database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT count(*) FROM core.scheduled_tasks WHERE task_name = :task AND last_success IS NOT NULL")
                .bind("task", task).mapTo(Long.class).one()) == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + task + " did not run within 30 s of the portal's start");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
