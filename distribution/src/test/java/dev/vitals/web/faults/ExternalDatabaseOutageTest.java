package dev.vitals.web.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.core.database.DatabaseSettings;
import dev.vitals.core.pluginhost.PluginState;
import dev.vitals.core.pluginhost.PluginStatus;
import dev.vitals.web.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The external database goes away under a running portal and comes back on the same address. While it is away every
 * request that needs it is answered 503 within five seconds, and once it is back the same portal serves again within
 * thirty seconds: nothing it holds (pools, plugin states, the job scheduler) stays broken.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExternalDatabaseOutageTest {

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);
    private static final Duration RECOVER_WITHIN = Duration.ofSeconds(30);
    /** One thread per request asked at once while the database is away; daemon, so nothing outlives the tests. */
    private static final Executor ASKING = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "outage-request");
        t.setDaemon(true);
        return t;
    });
    /** The API of the host, a plugin's API (through the plugin's own pool) and a page. */
    private static final List<String> NEEDS_THE_DATABASE = List.of("/api/catalog/services", "/api/slo/slos",
            "/api/deploys/freezes");

    private static ThrowawayPostgres postgres;
    private static DatabaseSettings database;
    private static TestServer portal;

    @BeforeAll
    static void start() {
        postgres = ThrowawayPostgres.start();
        database = postgres.leastPrivilegeDatabase("vitals");
        portal = PortalOnExternalDatabase.start(database);
    }

    @AfterAll
    static void stop() {
        portal.close();
        postgres.close();
    }

    @Test
    @Order(1)
    void aStoppedDatabaseIsA503WithinFiveSecondsAndTheSamePortalServesAgainOnceItIsBack() throws Exception {
        assertServing();
        postgres.stop();
        try {
            assertUnavailable("stopped");
        } finally {
            postgres.restart();
        }
        assertRecovers("stopped");
    }

    /** Second, on purpose: after a recovery every pooled connection is fresh, the hardest case for detection. */
    @Test
    @Order(2)
    void anUnreachableDatabaseIsA503WithinFiveSecondsAndTheSamePortalServesAgainOnceItAnswers() throws Exception {
        assertServing();
        postgres.freeze();
        try {
            assertUnavailable("frozen");
        } finally {
            postgres.thaw();
        }
        assertRecovers("frozen");
    }

    private static void assertServing() {
        for (String path : NEEDS_THE_DATABASE) {
            HttpResponse<String> response = portal.get(path);
            assertEquals(200, response.statusCode(), path + ": " + response.body());
        }
    }

    /**
     * Every request that needs the database, and the page, at once: each waits out the pool's connection timeout on
     * its own, so asking one after the other would only add those waits up.
     */
    private static void assertUnavailable(String how) throws Exception {
        Map<String, CompletableFuture<Timed>> api = new LinkedHashMap<>();
        for (String path : NEEDS_THE_DATABASE) {
            api.put(path, timed(() -> portal.get(path)));
        }
        CompletableFuture<Timed> pageAnswer = timed(() -> portal.send(
                TestServer.asAdmin(HttpRequest.newBuilder(portal.uri("/services"))).header("Accept", "text/html")
                        .GET()));
        for (Map.Entry<String, CompletableFuture<Timed>> answer : api.entrySet()) {
            String path = answer.getKey();
            HttpResponse<String> response = answer.getValue().get().response();
            Duration took = answer.getValue().get().took();
            System.out.printf("database %s: GET %s answered %d in %d ms%n", how, path, response.statusCode(),
                    took.toMillis());
            assertEquals(503, response.statusCode(), path + ": " + response.body());
            assertEquals(Optional.of("application/problem+json"), response.headers().firstValue("Content-Type")
                    .map(type -> type.split(";")[0]), path);
            assertTrue(response.headers().firstValue("Retry-After").isPresent(), path);
            assertTrue(took.compareTo(ANSWER_WITHIN) < 0, path + " took " + took);
        }
        HttpResponse<String> page = pageAnswer.get().response();
        Duration took = pageAnswer.get().took();
        assertEquals(503, page.statusCode(), page.body());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(took.compareTo(ANSWER_WITHIN) < 0, "the page took " + took);

        HttpResponse<String> ready = portal.send(HttpRequest.newBuilder(portal.uri("/health/ready")).GET());
        assertEquals(503, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("DOWN"), ready.body());
    }

    /** An answer and how long it took from its own request. */
    private record Timed(HttpResponse<String> response, Duration took) {
    }

    private static CompletableFuture<Timed> timed(Supplier<HttpResponse<String>> request) {
        return CompletableFuture.supplyAsync(() -> {
            long started = System.nanoTime();
            HttpResponse<String> response = request.get();
            return new Timed(response, Duration.ofNanos(System.nanoTime() - started));
        }, ASKING);
    }

    private static void assertRecovers(String how) throws Exception {
        Instant back = Instant.now();
        long started = System.nanoTime();
        long deadline = started + RECOVER_WITHIN.toNanos();
        boolean serving = false;
        while (!serving && System.nanoTime() < deadline) {
            serving = portal.send(HttpRequest.newBuilder(portal.uri("/health/ready")).GET()).statusCode() == 200
                    && NEEDS_THE_DATABASE.stream().allMatch(path -> portal.get(path).statusCode() == 200);
            if (!serving) {
                Thread.sleep(250);
            }
        }
        System.out.printf("database %s: serving again %d ms after it returned%n", how,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        assertTrue(serving, "not serving " + RECOVER_WITHIN + " after the database returned");
        assertServing();
        for (PluginStatus status : portal.vitals().plugins().statuses()) {
            assertEquals(PluginState.STARTED, status.state(), "a failed call while away marks nothing failed: "
                    + status);
        }
        assertTrue(jobsRunAgainAfter(back), "the job scheduler did not run a job after the database returned");
    }

    /** The host's catalog refresh runs every second here; a fresh success proves the scheduler kept going. */
    private static boolean jobsRunAgainAfter(Instant back) throws Exception {
        long deadline = System.nanoTime() + RECOVER_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
                    Statement s = c.createStatement();
                    ResultSet row = s.executeQuery("SELECT last_success FROM core.scheduled_tasks "
                            + "WHERE task_name = 'core.catalog-refresh'")) {
                if (row.next()) {
                    Timestamp last = row.getTimestamp(1);
                    if (last != null && last.toInstant().isAfter(back)) {
                        return true;
                    }
                }
            } catch (SQLException e) {
                // Still coming up; ask again.
            }
            Thread.sleep(250);
        }
        return false;
    }
}
