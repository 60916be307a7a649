package dev.vitals.core.pluginhost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.PluginContext;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.VitalsPlugin;
import dev.vitals.core.Vitals;
import dev.vitals.core.audit.Actor;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.core.testing.TestPostgres;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the one door into plugin code does with each kind of throwable. */
class PluginErrorsTest {

    static final class Counted implements VitalsPlugin {
        final AtomicInteger starts = new AtomicInteger();
        final AtomicInteger stops = new AtomicInteger();

        @Override
        public RunningPlugin create(PluginContext context) {
            starts.incrementAndGet();
            return new RunningPlugin() {
                @Override
                public void stop() {
                    stops.incrementAndGet();
                }
            };
        }
    }

    private final Counted alpha = new Counted();
    private Vitals portal;

    @BeforeEach
    void startPortal() {
        portal = TestPortal.start(TestPostgres.freshDatabase(), TestPlugins.of()
                .with("alpha", () -> alpha).with("beta", Counted::new).source());
    }

    @AfterEach
    void stopPortal() {
        portal.close();
    }

    @Test
    void anExceptionIsAFailedCallAndThePluginServesOn() {
        HostedPlugin hosted = portal.plugins().plugin("alpha").orElseThrow();

        assertThrows(PluginFailure.class, () -> hosted.call("probe", () -> {
            throw new IllegalStateException("upstream timed out");
        }));

        assertEquals(PluginState.STARTED, hosted.state());
        assertEquals("probe", hosted.status().lastError().orElseThrow().during());
    }

    @Test
    void aStackOverflowStopsOnlyItsPluginAndMarksItFailed() {
        HostedPlugin hosted = portal.plugins().plugin("alpha").orElseThrow();

        assertThrows(PluginFailure.class, () -> hosted.call("probe", () -> depth(0)));

        assertEquals(PluginState.FAILED, hosted.state());
        assertEquals("probe threw java.lang.StackOverflowError", hosted.status().reason().orElseThrow());
        assertEquals(1, alpha.stops.get(), "the plugin is stopped, so it can let go of what it holds");
        assertEquals(PluginState.STARTED, portal.plugins().plugin("beta").orElseThrow().state());
    }

    @Test
    void aPluginFailedByAnErrorStartsAgainWhenAnAdminEnablesIt() {
        HostedPlugin hosted = portal.plugins().plugin("alpha").orElseThrow();
        assertThrows(PluginFailure.class, () -> hosted.call("probe", () -> {
            throw new NoClassDefFoundError("com/example/Missing");
        }));
        assertEquals(PluginState.FAILED, hosted.state());

        assertEquals(PluginState.STARTED, portal.plugins().setEnabled("alpha", true, Actor.SYSTEM).state());
        assertEquals(2, alpha.starts.get());
    }

    @Test
    void runningOutOfMemoryIsLeftToEndTheProcess() {
        HostedPlugin hosted = portal.plugins().plugin("alpha").orElseThrow();

        OutOfMemoryError thrown = assertThrows(OutOfMemoryError.class, () -> hosted.call("probe", () -> {
            throw new OutOfMemoryError("Java heap space");
        }));

        assertTrue(thrown.getMessage().contains("heap"));
        assertEquals(PluginState.STARTED, hosted.state(), "the heap is everyone's: no one plugin is to blame");
    }

    /** Recursion whose base case is never reached, as a cycle in a graph walk gives. */
    private static long depth(long n) {
        return n < 0 ? n : depth(n + 1) + 1;
    }
}
