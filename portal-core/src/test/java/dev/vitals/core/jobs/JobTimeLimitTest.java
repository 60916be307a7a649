package dev.vitals.core.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.Job;
import dev.vitals.api.PluginContext;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.VitalsPlugin;
import dev.vitals.core.Vitals;
import dev.vitals.core.pluginhost.PluginState;
import dev.vitals.core.pluginhost.PluginStatus;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.core.testing.TestPostgres;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JobTimeLimitTest {

    /** A job whose runs sleep past their limit but, like any blocking call, end when interrupted. */
    static final class SlowJob implements VitalsPlugin {
        final AtomicInteger interrupted = new AtomicInteger();

        @Override
        public RunningPlugin create(PluginContext context) {
            return new RunningPlugin() {
                @Override
                public List<Job> jobs() {
                    return List.of(new Job("slow", Duration.ofMillis(100), () -> {
                        try {
                            Thread.sleep(60_000);
                        } catch (InterruptedException e) {
                            interrupted.incrementAndGet();
                            throw e;
                        }
                    }).withTimeout(Duration.ofMillis(300)));
                }
            };
        }
    }

    @Test
    void aRunPastItsLimitIsInterruptedAndRecordedAsFailedWhileItsPluginKeepsServing() throws Exception {
        SlowJob plugin = new SlowJob();
        try (Vitals portal = TestPortal.start(TestPostgres.freshDatabase(), TestPlugins.of().with("slow", () -> plugin).source())) {
            // The run's own InterruptedException is recorded as it ends, and the overrun right after, once the
            // worker sees the run has stopped: wait for the second, as the admin page would show it a moment later.
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            PluginStatus status = portal.plugins().plugin("slow").orElseThrow().status();
            while ((plugin.interrupted.get() < 2 || !overran(status)) && System.nanoTime() < deadline) {
                Thread.sleep(20);
                status = portal.plugins().plugin("slow").orElseThrow().status();
            }

            assertTrue(plugin.interrupted.get() >= 2, "each run is interrupted at its limit and the job runs again");
            assertEquals(PluginState.STARTED, status.state(), "a run that stops when told is a failed run, not a broken plugin");
            assertEquals("job slow", status.lastError().orElseThrow().during());
            assertTrue(overran(status), status.lastError().toString());
            int failures = portal.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT consecutive_failures FROM core.scheduled_tasks WHERE task_name = 'slow.slow'")
                    .mapTo(Integer.class).one());
            assertTrue(failures >= 1, "the scheduler records the overrun as a failed execution");
        }
    }

    private static boolean overran(PluginStatus status) {
        return status.lastError().map(e -> e.message().contains("ran past its time limit of 0.3s")).orElse(false);
    }
}
