package dev.vitals.plugins.cost.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.vitals.plugins.cost.CostCatalog;
import dev.vitals.plugins.cost.DailyCosts;
import dev.vitals.plugins.cost.FocusCsv;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Messages to a team's webhook, received by a real HTTP server on this machine: checkout (team payments) costs 100 a
 * day for three weeks and 400 yesterday; payments' hook answers 200, search's hook 500. The portal's own sender runs
 * hourly here, so the test's senders are the ones that post.
 */
class NotificationsTest {

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .setting("notify_every", "1h")
            .catalog(CostCatalog.payments())
            .build();

    private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    private static HttpServer server;

    @BeforeAll
    static void startTheHookServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks/payments", exchange -> {
            RECEIVED.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/hooks/search", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    @AfterAll
    static void stopTheHookServer() {
        server.stop(0);
    }

    private static String hook(String team) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + team;
    }

    @Test
    void eachNewAnomalyIsPostedOnceThoughTwoSendersRaceForIt(VitalsPortal portal) throws Exception {
        JsonNode saved = portal.editorOf("payments").put("/api/cost/teams/payments/alert-settings",
                Map.of("webhook", hook("payments"), "periods", List.of())).expect(200).json();
        assertEquals("http://127.0.0.1/…ents", saved.get("webhook").asText(), "shown masked");
        assertEquals(403, portal.editorOf("search").put("/api/cost/teams/payments/alert-settings",
                Map.of("webhook", hook("search"))).status());
        LocalDate today = LocalDate.now(portal.clock().withZone(ZoneOffset.UTC));
        FocusCsv file = DailyCosts.daily(new FocusCsv(), "checkout", today.minusDays(22), today, ZoneOffset.UTC,
                day -> day.equals(today.minusDays(1)) ? "400" : "100");
        portal.admin().send("POST", "/api/cost/imports", "text/csv", file.text(), Map.of()).expect(201);
        portal.runJob("detect-cost-anomalies");
        portal.pluginJdbi().useHandle(h -> h.execute("DELETE FROM detection_marks"));
        portal.runJob("detect-cost-anomalies");
        assertEquals(1L, count(portal, "SELECT count(*) FROM notifications"), "detected twice, queued once");

        Function<String, Optional<URI>> hooks = team -> team.contains("payments") ? Optional.of(URI.create(
                hook("payments"))) : Optional.empty();
        Outbox first = new Outbox(portal.pluginJdbi(), new WebhookPost(), Clock.systemUTC());
        Outbox second = new Outbox(portal.pluginJdbi(), new WebhookPost(), Clock.systemUTC());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService racers = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = racers.submit(() -> {
                start.await();
                return first.sendDue(hooks);
            });
            Future<Integer> b = racers.submit(() -> {
                start.await();
                return second.sendDue(hooks);
            });
            start.countDown();
            assertEquals(1, a.get() + b.get());
        } finally {
            racers.shutdownNow();
        }

        assertEquals(1, RECEIVED.size(), RECEIVED.toString());
        assertTrue(RECEIVED.get(0).contains("checkout") && RECEIVED.get(0).contains("400.00"), RECEIVED.get(0));
        assertEquals(0, first.sendDue(hooks), "nothing is due any more");
        assertEquals(1L, count(portal, "SELECT count(*) FROM notifications WHERE sent_at IS NOT NULL"));
    }

    @Test
    void aFailedPostIsRetriedAfterAMinuteThenTwo(VitalsPortal portal) {
        Outbox outbox = new Outbox(portal.pluginJdbi(), new WebhookPost(), Clock.systemUTC());
        assertTrue(outbox.enqueue("test:failing", "group:default/search", "hello"));
        assertFalse(outbox.enqueue("test:failing", "group:default/search", "hello again"), "one row per key");
        Function<String, Optional<URI>> hooks = team -> Optional.of(URI.create(hook("search")));

        assertEquals(0, outbox.sendDue(hooks));

        assertEquals(1L, count(portal, "SELECT attempts FROM notifications WHERE key = 'test:failing'"));
        assertEquals(1L, count(portal, """
                SELECT round(extract(epoch FROM next_attempt - now()) / 60) FROM notifications
                WHERE key = 'test:failing'"""), "the next attempt in a minute");
        assertEquals(java.time.Duration.ofMinutes(2), Outbox.backoff(2));
        assertEquals(java.time.Duration.ofDays(1), Outbox.backoff(30));
    }

    private static long count(VitalsPortal portal, String sql) {
        return portal.pluginJdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
