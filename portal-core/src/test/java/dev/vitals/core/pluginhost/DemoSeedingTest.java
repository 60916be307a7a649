package dev.vitals.core.pluginhost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.PluginContext;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.VitalsPlugin;
import dev.vitals.core.Vitals;
import dev.vitals.core.audit.Actor;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.core.testing.TestPostgres;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * With {@code --demo} the portal serves first and seeds after: the demo catalog, then each plugin's demo data in the
 * order they started, on one background thread, while what is still to come is known; a stop waits for the seeding
 * under way and drops the rest.
 */
class DemoSeedingTest {

    private static final Map<String, String> DEMO = Map.of("VITALS_DEMO", "true");
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** Plugins whose demo seeding waits at a gate the test opens, and which note what happens to them, in order. */
    static final class Gated implements VitalsPlugin {
        final String id;
        final List<String> events;
        final Semaphore gate = new Semaphore(0);
        final Semaphore entered = new Semaphore(0);

        Gated(String id, List<String> events) {
            this.id = id;
            this.events = events;
        }

        @Override
        public RunningPlugin create(PluginContext context) {
            return new RunningPlugin() {
                @Override
                public void seedDemoData() throws InterruptedException {
                    events.add(id + " seeds on " + Thread.currentThread().getName());
                    entered.release();
                    if (!gate.tryAcquire(60, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the test never opened the gate");
                    }
                    events.add(id + " seeded");
                }

                @Override
                public void stop() {
                    events.add(id + " stops");
                }
            };
        }

        void awaitEntered() throws InterruptedException {
            assertTrue(entered.tryAcquire(60, TimeUnit.SECONDS), id + " never began to seed its demo data");
        }
    }

    @Test
    void theDemoIsSeededInTheBackgroundInStartOrderAlsoForAPluginStartedLaterAndAStopLetsTheSeedingUnderWayEnd()
            throws InterruptedException {
        List<String> events = new CopyOnWriteArrayList<>();
        Gated first = new Gated("first", events);
        Gated second = new Gated("second", events);
        Vitals portal = TestPortal.startServing(TestPostgres.freshDatabase(), TestPlugins.of()
                .with("first", () -> first).with("second", () -> second).source(), DEMO, RouteCheck.NONE);
        Thread stopping = new Thread(portal::close, "stopping");
        try {
            PluginHost plugins = portal.plugins();
            assertEquals(PluginState.STARTED, plugins.plugin("second").orElseThrow().state(),
                    "the plugins started without waiting for their demo data");

            first.awaitEntered();
            assertEquals(Optional.of(new DemoProgress(List.of("first", "second"))), plugins.demoProgress(),
                    "the catalog is in, first is being seeded, second waits its turn");
            assertEquals(40, portal.catalog().all(Set.of("Component")).size(), "the demo catalog's services");
            first.gate.release();
            second.awaitEntered();
            assertEquals(List.of("second"), plugins.demoProgress().orElseThrow().pending());
            second.gate.release();
            assertTrue(plugins.awaitDemoData(WAIT));
            assertEquals(Optional.of(new DemoProgress(List.of())), plugins.demoProgress());

            plugins.setEnabled("second", false, Actor.SYSTEM);
            plugins.setEnabled("second", true, Actor.SYSTEM);
            second.awaitEntered();
            plugins.setEnabled("first", false, Actor.SYSTEM);
            plugins.setEnabled("first", true, Actor.SYSTEM);
            assertEquals(List.of("second", "first"), plugins.demoProgress().orElseThrow().pending(),
                    "the admin's starts returned while second's demo data is seeded, and first's waits");

            stopping.start();
            // A stop drops what is still to come as it begins, then waits for the seeding under way.
            assertTrue(plugins.awaitDemoData(WAIT));
            second.gate.release();
            stopping.join(WAIT.toMillis());
            assertFalse(stopping.isAlive(), "the portal stopped");
        } finally {
            first.gate.release(10);
            second.gate.release(10);
            if (stopping.getState() == Thread.State.NEW) {
                portal.close();
            }
        }

        assertEquals(List.of("first seeds on vitals-demo-data", "first seeded",
                "second seeds on vitals-demo-data", "second seeded",
                "second stops", "second seeds on vitals-demo-data", "first stops",
                "second seeded", "second stops", "first stops"), events,
                "second's seeding ended before any plugin stopped, and first's second seeding never began");
        assertEquals(Optional.empty(), portal.plugins().plugin("second").orElseThrow().status().lastError());
    }
}
