package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.api.PluginContext;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.VitalsPlugin;
import dev.vitals.core.Vitals;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.core.testing.TestPostgres;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With {@code --demo} the portal answers before its demo data is in: while a plugin's demo data is still being
 * seeded every page says so and {@code /api/health} says what is still to come, and once it is in, neither does.
 */
class DemoLoadingTest {

    private static final String NOTICE = "<p class=\"demo-loading\" role=\"status\">Loading demo data: Slow demo. "
            + "Refresh in a few seconds to see it.</p>";
    private static final Semaphore GATE = new Semaphore(0);
    private static final Semaphore ENTERED = new Semaphore(0);
    private static TestServer server;

    /** A plugin whose demo data is seeded only once the test opens the gate. */
    static final class SlowDemo implements VitalsPlugin {
        @Override
        public Optional<String> displayName() {
            return Optional.of("Slow demo");
        }

        @Override
        public RunningPlugin create(PluginContext context) {
            return new RunningPlugin() {
                @Override
                public void seedDemoData() throws InterruptedException {
                    ENTERED.release();
                    if (!GATE.tryAcquire(60, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the test never opened the gate");
                    }
                }
            };
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.startServing(TestPostgres.freshDatabase(),
                TestPlugins.of().with("slow", SlowDemo::new).source(), Map.of("VITALS_DEMO", "true"),
                new Vitals.Options(Clock.systemUTC(), Duration.ofMillis(200), Duration.ofHours(1), Duration.ofHours(1)));
    }

    @AfterAll
    static void stop() {
        GATE.release(10);
        if (server != null) {
            server.close();
        }
    }

    @Test
    void whileAPluginsDemoDataIsSeededPagesSaySoAndHealthSaysWhatIsToComeAndOnceItIsInNeitherDoes()
            throws Exception {
        assertTrue(ENTERED.tryAcquire(60, TimeUnit.SECONDS), "the plugin's demo data began to be seeded");

        HttpResponse<String> loading = server.anonymousGet("/api/health");
        assertEquals(200, loading.statusCode(), "the portal is ready while it seeds");
        JsonNode health = new ObjectMapper().readTree(loading.body());
        assertEquals("loading", health.get("demo").asText());
        assertEquals("[\"slow\"]", health.get("demoPending").toString());
        assertEquals(200, server.anonymousGet("/health/ready").statusCode());
        for (String page : new String[] {"/", "/services", "/admin/plugins"}) {
            assertTrue(server.getPage(page).body().contains(NOTICE), page + " says the demo data is loading");
        }

        GATE.release();
        TestPortal.awaitDemoData(server.vitals());

        JsonNode loaded = new ObjectMapper().readTree(server.anonymousGet("/api/health").body());
        assertEquals("loaded", loaded.get("demo").asText());
        assertEquals("[]", loaded.get("demoPending").toString());
        for (String page : new String[] {"/", "/services", "/admin/plugins"}) {
            String body = server.getPage(page).body();
            assertTrue(body.contains("<h1>"), page + " is a page");
            assertFalse(body.contains("demo-loading"), page + " no longer says the demo data is loading");
        }
    }
}
