package dev.vitals.plugins.slo.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.vitals.plugins.slo.SloStores;
import dev.vitals.plugins.slo.objectives.BudgetingMethod;
import dev.vitals.plugins.slo.objectives.Slo;
import dev.vitals.plugins.slo.objectives.SloWindow;
import dev.vitals.plugins.slo.samples.Sample;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Alert changes reach a webhook once each, after retries, through the outbox. */
class AlertNotificationTest {

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest().build();
    private static SloStores plugin;

    /**
     * The portal's own sender job runs at start and then every 30 seconds; once it has run, the senders these tests
     * drive are the only ones for a while, so every request a webhook counts is theirs.
     */
    @BeforeAll
    static void start(VitalsPortal portal) {
        plugin = SloStores.of(portal, ZoneOffset.UTC);
        portal.awaitJobRun("send-alert-notifications");
    }

    @Test
    void aFailedDeliveryIsRetriedAndEveryAlertChangeArrivesOnce() throws Exception {
        List<String> delivered = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger requests = new AtomicInteger();
        HttpServer webhook = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        webhook.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean fail = requests.incrementAndGet() == 1;
            if (!fail) {
                delivered.add(body);
            }
            exchange.sendResponseHeaders(fail ? 500 : 204, -1);
            exchange.close();
        });
        webhook.start();
        String hook = "http://localhost:" + webhook.getAddress().getPort() + "/hook";
        try {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
            fireFourAlerts("notified", hook, now);
            new AlertNotifier(plugin.jdbi(), Clock.systemUTC()).sendDue();
            // The failed one waits a minute before its second attempt.
            new AlertNotifier(plugin.jdbi(), Clock.fixed(now.plus(Duration.ofMinutes(3)), ZoneOffset.UTC)).sendDue();
            new AlertNotifier(plugin.jdbi(), Clock.fixed(now.plus(Duration.ofMinutes(30)), ZoneOffset.UTC)).sendDue();

            // Four alerts fire (two page, two ticket): four messages, one of them on its second attempt.
            assertEquals(5, requests.get());
            assertEquals(4, delivered.size());
            assertEquals(4, delivered.stream().distinct().count(), "no message arrives twice");
            assertTrue(delivered.stream().allMatch(b -> b.contains("\"change\": \"fired\"")
                    && b.contains("\"slo\": \"notified\"")), delivered.toString());
        } finally {
            webhook.stop(0);
        }
    }

    @Test
    void noRowIsLockedWhileAWebhookIsCalledAndAnotherSenderLeavesTheClaimedOnesAlone() throws Exception {
        AtomicReference<Jdbi> jdbi = new AtomicReference<>();
        AtomicInteger requests = new AtomicInteger();
        List<String> seenDuringCall = Collections.synchronizedList(new ArrayList<>());
        HttpServer webhook = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        webhook.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (requests.incrementAndGet() == 1) {
                try {
                    jdbi.get().useHandle(h -> h.createQuery(
                            "SELECT id FROM alert_notifications FOR UPDATE NOWAIT").mapTo(Long.class).list());
                    seenDuringCall.add("no row locked");
                } catch (RuntimeException e) {
                    seenDuringCall.add("locked: " + e.getMessage());
                }
                new AlertNotifier(jdbi.get(), Clock.systemUTC()).sendDue();
                seenDuringCall.add("second sender done after " + requests.get() + " request(s)");
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhook.start();
        String hook = "http://localhost:" + webhook.getAddress().getPort() + "/hook";
        try {
            jdbi.set(plugin.jdbi());
            fireFourAlerts("notified-unlocked", hook, Instant.now().truncatedTo(ChronoUnit.MINUTES));
            new AlertNotifier(plugin.jdbi(), Clock.systemUTC()).sendDue();

            assertEquals(List.of("no row locked", "second sender done after 1 request(s)"), seenDuringCall);
            assertEquals(4, requests.get(), "each of the four alerts is sent once");
        } finally {
            webhook.stop(0);
        }
    }

    /** An SLO burning its budget fast enough to fire two page and two ticket alerts. */
    private static void fireFourAlerts(String name, String hook, Instant now) {
        Slo slo = new Slo(name, Optional.of("billing-api"), Optional.empty(), Optional.empty(),
                new BigDecimal("0.999"),
                SloWindow.ROLLING_30D, BudgetingMethod.OCCURRENCES, Optional.empty(), Optional.empty(), now);
        plugin.slos().create(slo);
        List<Sample> burst = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            burst.add(new Sample(name, now.minus(Duration.ofMinutes(i)), 50L, 100L, null));
        }
        plugin.samples().store(burst);
        new AlertLog(plugin.jdbi(), List.of(hook), plugin.links())
                .recordAll(List.of(plugin.evaluator().status(slo, now)));
    }

    @Test
    void slackWebhooksGetATextMessage() {
        AlertEvent event = new AlertEvent("checkout", "page", "1h&5m>14.4", Instant.parse("2026-11-01T10:00:00Z"),
                Optional.empty());
        assertEquals("{\"text\": \"Firing: page alert on SLO checkout (burn rate 1h&5m>14.4)\"}",
                AlertNotifier.payload("https://hooks.slack.com/services/T/B/x", event, "fired", "/p/slo/slos/checkout"));
        assertEquals(List.of("http://a/1", "http://b/2"), AlertNotifier.targets(" http://a/1, ,http://b/2 "));
    }
}
