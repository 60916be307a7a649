package dev.vitals.core.pluginhost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.HttpMethod;
import dev.vitals.api.NavEntry;
import dev.vitals.api.PluginContext;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.Role;
import dev.vitals.api.VitalsPlugin;
import dev.vitals.core.Vitals;
import dev.vitals.core.audit.Actor;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.core.testing.TestPostgres;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A plugin is a factory: every start builds a running plugin, and the host shows that one's declarations. */
class FactoryLifecycleTest {

    /** Builds running plugins with one route and one navigation entry, and keeps every one it built. */
    static final class Counter implements VitalsPlugin {
        final List<Built> built = new CopyOnWriteArrayList<>();

        @Override
        public RunningPlugin create(PluginContext context) {
            Built running = new Built();
            built.add(running);
            return running;
        }
    }

    static final class Built implements RunningPlugin {
        final AtomicInteger stops = new AtomicInteger();
        final AtomicInteger seeds = new AtomicInteger();

        @Override
        public List<ApiRoute> apiRoutes() {
            return List.of(new ApiRoute(HttpMethod.GET, "/count", Role.VIEWER, ctx -> ctx.result("1")));
        }

        @Override
        public List<NavEntry> navigation() {
            return List.of(new NavEntry("Counter", "/p/counter"));
        }

        @Override
        public void seedDemoData() {
            seeds.incrementAndGet();
        }

        @Override
        public void stop() {
            stops.incrementAndGet();
        }
    }

    @Test
    void eachStartBuildsAFreshRunningPluginWhoseDeclarationsShowOnlyWhileItIsStarted() {
        Counter counter = new Counter();
        try (Vitals portal = TestPortal.start(TestPostgres.freshDatabase(),
                TestPlugins.of().with("counter", () -> counter).source())) {
            HostedPlugin hosted = portal.plugins().plugin("counter").orElseThrow();
            assertEquals(1, hosted.apiRoutes().size());
            assertEquals(List.of(new NavEntry("Counter", "/p/counter")), hosted.navigation());
            assertEquals(Optional.of(counter.built.get(0)), hosted.running());

            portal.plugins().setEnabled("counter", false, Actor.SYSTEM);

            assertEquals(1, counter.built.get(0).stops.get());
            assertEquals(List.of(), hosted.apiRoutes());
            assertEquals(List.of(), hosted.navigation());
            assertEquals(Optional.empty(), hosted.running());

            portal.plugins().setEnabled("counter", true, Actor.SYSTEM);

            assertEquals(2, counter.built.size());
            assertNotSame(counter.built.get(0), counter.built.get(1));
            assertEquals(Optional.of(counter.built.get(1)), hosted.running());
            assertEquals(1, hosted.apiRoutes().size());
        }
    }

    @Test
    void inADemoTheRunningPluginSeedsItsDemoDataOnceItHasStarted() {
        Counter counter = new Counter();
        try (Vitals portal = TestPortal.start(TestPostgres.freshDatabase(),
                TestPlugins.of().with("counter", () -> counter).source(), Map.of("VITALS_DEMO", "true"))) {
            assertEquals(PluginState.STARTED, portal.plugins().plugin("counter").orElseThrow().state());
            assertEquals(1, counter.built.get(0).seeds.get());
        }
    }

    @Test
    void aRefusedRouteCheckFailsTheStartStopsWhatWasBuiltAndClosesThePool() {
        Counter counter = new Counter();
        List<String> checked = new CopyOnWriteArrayList<>();
        RouteCheck clashes = (id, running) -> {
            checked.add(id + " " + running.apiRoutes().size());
            return id.equals("counter") ? Optional.of("GET /api/counter/count is mounted twice") : Optional.empty();
        };
        try (Vitals portal = TestPortal.start(TestPostgres.freshDatabase(), TestPlugins.of()
                .with("counter", () -> counter).with("other", Counter::new).source(), Map.of(), clashes)) {
            HostedPlugin hosted = portal.plugins().plugin("counter").orElseThrow();

            assertEquals(PluginState.FAILED, hosted.state());
            assertEquals(Optional.of("its routes cannot be mounted: GET /api/counter/count is mounted twice"),
                    hosted.status().reason());
            assertEquals(1, counter.built.get(0).stops.get(), "what the factory built lets go of what it holds");
            assertEquals(List.of(), hosted.apiRoutes());
            assertEquals(List.of("counter 1", "other 1"), checked);
            assertEquals(PluginState.STARTED, portal.plugins().plugin("other").orElseThrow().state());
            assertEquals(Long.valueOf(0), portal.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM pg_stat_activity WHERE usename = 'vitals_counter'").mapTo(Long.class).one()),
                    "its pool is closed");
        }
    }

    @Test
    void aFactoryThatReturnsNothingFailsItsStart() {
        VitalsPlugin empty = context -> null;
        try (Vitals portal = TestPortal.start(TestPostgres.freshDatabase(),
                TestPlugins.of().with("empty", () -> empty).source())) {
            PluginStatus status = portal.plugins().plugin("empty").orElseThrow().status();

            assertEquals(PluginState.FAILED, status.state());
            assertTrue(status.reason().orElseThrow().endsWith(".create returned null"), status.reason().get());
        }
    }
}
