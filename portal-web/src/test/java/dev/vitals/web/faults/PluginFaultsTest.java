package dev.vitals.web.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.api.ApiRoute;
import dev.vitals.api.Job;
import dev.vitals.api.PluginContext;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.VitalsPlugin;
import dev.vitals.core.Vitals;
import dev.vitals.core.config.VitalsConfig;
import dev.vitals.core.database.DatabaseSettings;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.core.testing.TestPostgres;
import dev.vitals.web.PortalServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * One portal holding a plugin for each way a plugin can break, and one healthy plugin: the portal starts, each broken
 * plugin is FAILED with its reason where admins look, and the healthy one goes on serving, writing and running jobs
 * without losing or halving a batch it acknowledged.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PluginFaultsTest {

    private static final String TOKEN = "plugin-faults-admin-token-0123456789";
    private static final int BATCH_SIZE = 50;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static DatabaseSettings database;
    private static PortalServer portal;
    private static volatile boolean releaseHungJob;
    private static final Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
    private static int nextBatch;

    /** Writes each batch of items in one transaction, and ticks a job every 100 ms: the plugin that must go on. */
    static final class Healthy implements VitalsPlugin {
        @Override
        public RunningPlugin create(PluginContext context) {
            Jdbi jdbi = context.jdbi();
            return new RunningPlugin() {
                @Override
                public List<ApiRoute> apiRoutes() {
                    return List.of(ApiRoute.get("/batches", ctx -> ctx.json(Map.of("items", jdbi.withHandle(h -> h
                                    .createQuery("SELECT count(*) FROM batch_items").mapTo(Long.class).one())))),
                            ApiRoute.post("/batches/{batch}", ctx -> {
                                int batch = Integer.parseInt(ctx.pathParam("batch"));
                                jdbi.useTransaction(h -> {
                                    PreparedBatch insert = h.prepareBatch(
                                            "INSERT INTO batch_items (batch, item) VALUES (?, ?)");
                                    for (int item = 0; item < BATCH_SIZE; item++) {
                                        insert.add(batch, item);
                                    }
                                    insert.execute();
                                });
                                ctx.status(201).json(Map.of("batch", batch));
                            }));
                }

                @Override
                public List<Job> jobs() {
                    return List.of(new Job("tick", Duration.ofMillis(100),
                            () -> jdbi.useHandle(h -> h.execute("INSERT INTO ticks DEFAULT VALUES"))));
                }
            };
        }
    }

    static final class StartFails implements VitalsPlugin {
        @Override
        public RunningPlugin create(PluginContext context) {
            throw new IllegalStateException("cannot reach the billing API");
        }
    }

    /** Its migration in db/migration/badmigration/ creates a table, then fails. */
    static final class BadMigration implements VitalsPlugin {
        @Override
        public RunningPlugin create(PluginContext context) {
            return new RunningPlugin() { };
        }
    }

    /** Serves the routes given, nothing else. */
    record Routes(List<ApiRoute> routes) implements VitalsPlugin {
        @Override
        public RunningPlugin create(PluginContext context) {
            return new RunningPlugin() {
                @Override
                public List<ApiRoute> apiRoutes() {
                    return routes;
                }
            };
        }
    }

    static VitalsPlugin routeTwice() {
        return new Routes(List.of(ApiRoute.get("/things/{id}", ctx -> ctx.result("first")),
                ApiRoute.get("/other", ctx -> ctx.result("other")),
                ApiRoute.get("/things/{key}", ctx -> ctx.result("second"))));
    }

    /** Plugin id "signals" with a root route: {@code GET /api/signals}, which the portal itself serves. */
    static VitalsPlugin takesPortalPath() {
        return new Routes(List.of(ApiRoute.get("/", ctx -> ctx.result("mine"))));
    }

    static VitalsPlugin badSyntax() {
        return new Routes(List.of(ApiRoute.get("/fine", ctx -> ctx.result("fine")),
                ApiRoute.get("/things/{id", ctx -> ctx.result("never"))));
    }

    /** A job that hangs the way a stuck network call does: it ignores being interrupted. */
    static final class HungJob implements VitalsPlugin {
        @Override
        public RunningPlugin create(PluginContext context) {
            return new RunningPlugin() {
                @Override
                public List<ApiRoute> apiRoutes() {
                    return List.of(ApiRoute.get("/alive", ctx -> ctx.result("alive")));
                }

                @Override
                public List<Job> jobs() {
                    return List.of(new Job("stuck", Duration.ofHours(1), () -> {
                        while (!releaseHungJob) {
                            try {
                                Thread.sleep(50);
                            } catch (InterruptedException ignored) {
                                // A hung call does not notice; neither does this.
                            }
                        }
                    }).withTimeout(Duration.ofSeconds(1)));
                }
            };
        }
    }

    static VitalsPlugin recursion() {
        return new Routes(List.of(ApiRoute.get("/depth", ctx -> ctx.json(Map.of("depth", depth(0)))),
                ApiRoute.get("/alive", ctx -> ctx.result("alive"))));
    }

    /** Recursion without a base case that is ever reached, as a cycle in a graph walk gives. */
    private static long depth(long n) {
        return n < 0 ? n : depth(n + 1) + 1;
    }

    @BeforeAll
    static void startPortal() throws IOException {
        database = TestPostgres.freshDatabase();
        Map<String, String> env = new HashMap<>();
        env.put("VITALS_PORT", "0");
        env.put("VITALS_ADMIN_TOKEN", TOKEN);
        env.put("VITALS_DATA_DIR", Files.createTempDirectory("vitals-plugin-faults").toString());
        VitalsConfig config = VitalsConfig.fromEnvironment(TestPortal.environment(database, env));
        portal = PortalServer.start(config, TestPlugins.of()
                        .with("healthy", Healthy::new)
                        .with("startfails", StartFails::new)
                        .with("badmigration", BadMigration::new)
                        .with("twice", PluginFaultsTest::routeTwice)
                        .with("signals", PluginFaultsTest::takesPortalPath)
                        .with("badsyntax", PluginFaultsTest::badSyntax)
                        .with("hung", HungJob::new)
                        .with("recursion", PluginFaultsTest::recursion)
                        .source(),
                new Vitals.Options(Clock.systemUTC(), Duration.ofMillis(100), Duration.ofHours(1), Duration.ofHours(1)));
    }

    @AfterAll
    static void stopPortal() {
        releaseHungJob = true;
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    @Order(1)
    void thePortalStartsAndTheHealthyPluginServesAndWrites() {
        assertEquals(200, get("/health/ready").statusCode());
        assertEquals("STARTED", state("healthy"));
        writeBatches(5);
        assertEquals(200, get("/api/healthy/batches").statusCode());
    }

    @Test
    @Order(2)
    void aPluginWhoseStartThrowsIsFailedWithItsReason() {
        assertFailed("startfails", "start failed: cannot reach the billing API");
    }

    @Test
    @Order(2)
    void aPluginWhoseMigrationFailsIsFailedAndItsSchemaIsLeftAsItWas() {
        assertFailed("badmigration", "migrating schema badmigration failed");
        assertEquals(List.of(), jdbi().withHandle(h -> h.createQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'badmigration'")
                .mapTo(String.class).list()), "no table of the failed migration may remain");
    }

    @Test
    @Order(2)
    void aPluginDeclaringOneRouteTwiceIsFailedAndNoneOfItsRoutesAnswers() {
        assertFailed("twice", "route GET /api/twice/things/{key} is declared twice (also as route GET /api/twice/things/{id})");
        assertEquals(404, get("/api/twice/things/1").statusCode());
        assertEquals(404, get("/api/twice/other").statusCode(), "a plugin is mounted whole or not at all");
    }

    @Test
    @Order(2)
    void aPluginTakingAPathThePortalServesIsFailedAndThePortalKeepsIt() {
        assertFailed("signals", "plugin id 'signals' is taken: the portal serves /api/signals itself");
        HttpResponse<String> portalsOwn = get("/api/signals?subject=component:default/anything");
        assertEquals(200, portalsOwn.statusCode(), portalsOwn.body());
        assertTrue(!portalsOwn.body().contains("mine"), portalsOwn.body());
    }

    @Test
    @Order(2)
    void aPluginWithARoutePathJavalinCannotParseIsFailedAndItsOtherRoutesAnswer404() {
        assertFailed("badsyntax", "route GET /api/badsyntax/things/{id is not a valid path");
        assertEquals(404, get("/api/badsyntax/fine").statusCode());
    }

    @Test
    @Order(3)
    void aJobHangingPastItsLimitFailsItsPluginWhileOtherPluginsJobsGoOn() {
        awaitTrue(() -> "FAILED".equals(state("hung")), Duration.ofSeconds(20), "the hung job's plugin is FAILED");
        assertTrue(reason("hung").contains(
                "job stuck ran past its time limit of 1s and did not stop when interrupted"), reason("hung"));
        assertEquals(404, get("/api/hung/alive").statusCode());

        long ticks = ticks();
        writeBatches(5);
        awaitTrue(() -> ticks() >= ticks + 5, Duration.ofSeconds(10),
                "the healthy plugin's job goes on while the other plugin's run hangs");
    }

    @Test
    @Order(4)
    void aHandlerOverflowingItsStackFailsOnlyItsPlugin() {
        assertEquals(200, get("/api/recursion/alive").statusCode());

        HttpResponse<String> overflow = get("/api/recursion/depth");

        assertEquals(500, overflow.statusCode(), overflow.body());
        assertFailed("recursion", "route GET /api/recursion/depth threw java.lang.StackOverflowError");
        assertEquals(404, get("/api/recursion/alive").statusCode(), "a plugin FAILED at run time stops serving");
        writeBatches(5);
        assertEquals(200, get("/api/healthy/batches").statusCode());
        assertEquals(200, get("/").statusCode(), "the portal's own pages still render");
    }

    @Test
    @Order(5)
    void theAdminPageAndHealthShowEveryBrokenPluginWithItsReason() {
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/admin/plugins")).header("Accept", "text/html").GET());
        assertEquals(200, page.statusCode());
        JsonNode health = json(get("/api/health"));
        Map<String, String> healthStates = new HashMap<>();
        health.get("plugins").forEach(p -> healthStates.put(p.get("id").asText(), p.get("state").asText()
                + (p.has("reason") ? ": " + p.get("reason").asText() : "")));
        for (String broken : List.of("startfails", "badmigration", "twice", "signals", "badsyntax", "hung", "recursion")) {
            assertTrue(healthStates.get(broken).startsWith("FAILED: "), broken + " in /api/health: " + healthStates);
            assertTrue(page.body().contains(broken), broken + " on /admin/plugins");
        }
        assertTrue(page.body().contains("cannot reach the billing API"), "reasons are on the admin page");
        assertTrue(page.body().contains("java.lang.StackOverflowError"), "reasons are on the admin page");
        assertEquals("STARTED", healthStates.get("healthy"));
    }

    @Test
    @Order(6)
    void everyBatchTheHealthyPluginAcknowledgedIsThereWhole() {
        writeBatches(5);

        Map<Integer, Integer> stored = new HashMap<>();
        jdbi().useHandle(h -> h.createQuery("SELECT batch, count(*) FROM healthy.batch_items GROUP BY batch")
                .map((rs, ctx) -> Map.entry(rs.getInt(1), rs.getInt(2))).forEach(e -> stored.put(e.getKey(), e.getValue())));

        assertEquals(20, acknowledged.size(), "every batch written was acknowledged");
        List<Integer> lost = acknowledged.stream().filter(b -> !stored.containsKey(b)).sorted().toList();
        List<Integer> halfWritten = new ArrayList<>();
        stored.forEach((batch, items) -> {
            if (items != BATCH_SIZE) {
                halfWritten.add(batch);
            }
        });
        assertEquals(List.of(), lost, "acknowledged batches lost");
        assertEquals(List.of(), halfWritten, "batches stored in part");
    }

    @Test
    @Order(7)
    void anAdminStartsAPluginFailedAtRunTimeAgainButNotOneWhoseRoutesCannotBeMounted() {
        HttpResponse<String> restarted = setEnabled("recursion");
        assertEquals(200, restarted.statusCode(), restarted.body());
        assertEquals("STARTED", state("recursion"));
        assertEquals(200, get("/api/recursion/alive").statusCode(), "started again, it serves again");

        HttpResponse<String> refused = setEnabled("twice");
        assertEquals(200, refused.statusCode(), refused.body());
        assertFailed("twice", "its routes cannot be mounted");
        assertEquals(404, get("/api/twice/other").statusCode(), "its routes are checked again at every start");
    }

    private static HttpResponse<String> setEnabled(String plugin) {
        return send(HttpRequest.newBuilder(uri("/api/admin/plugins/" + plugin)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\": true}")));
    }

    private static void writeBatches(int count) {
        for (int i = 0; i < count; i++) {
            int batch = ++nextBatch;
            HttpResponse<String> written = send(HttpRequest.newBuilder(uri("/api/healthy/batches/" + batch))
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertEquals(201, written.statusCode(), written.body());
            acknowledged.add(batch);
        }
    }

    private static void assertFailed(String plugin, String reasonPart) {
        assertEquals("FAILED", state(plugin), plugin + ": " + reason(plugin));
        assertTrue(reason(plugin).contains(reasonPart), plugin + ": " + reason(plugin));
    }

    private static JsonNode status(String plugin) {
        for (JsonNode p : json(get("/api/admin/plugins")).get("plugins")) {
            if (p.get("id").asText().equals(plugin)) {
                return p;
            }
        }
        throw new AssertionError("no plugin " + plugin + " in /api/admin/plugins");
    }

    private static String state(String plugin) {
        return status(plugin).get("state").asText();
    }

    private static String reason(String plugin) {
        JsonNode reason = status(plugin).get("reason");
        return reason == null || reason.isNull() ? "" : reason.asText();
    }

    private static long ticks() {
        return jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM healthy.ticks").mapTo(Long.class).one());
    }

    private static Jdbi jdbi() {
        return Jdbi.create(database.url(), database.user(), database.password());
    }

    private static void awaitTrue(BooleanSupplier condition, Duration within, String what) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + within.toSeconds() + " s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + portal.port() + path);
    }

    private static HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
