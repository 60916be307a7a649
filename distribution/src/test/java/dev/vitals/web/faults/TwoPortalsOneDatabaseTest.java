package dev.vitals.web.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.core.database.DatabaseSettings;
import dev.vitals.core.pluginhost.PluginState;
import dev.vitals.core.pluginhost.PluginStatus;
import dev.vitals.web.TestServer;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two portals on one external database that holds only the README's grants, started at the same moment and then one
 * restarted: the way a rolling deploy of two replicas behind a load balancer meets the database.
 */
class TwoPortalsOneDatabaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void twoPortalsStartedTogetherAndRestartedStartEveryPluginAndSeeEachOthersWrites() throws Exception {
        try (ThrowawayPostgres postgres = ThrowawayPostgres.start()) {
            DatabaseSettings database = postgres.leastPrivilegeDatabase("vitals");
            List<TestServer> portals = startTogether(database);
            TestServer first = portals.get(0);
            TestServer second = portals.get(1);
            try {
                assertEveryPluginStarted(first);
                assertEveryPluginStarted(second);

                second.close();
                second = PortalOnExternalDatabase.start(database);
                assertEveryPluginStarted(second);

                catalogEditOnOneIsSeenOnTheOther(first, second);
                sloCreatedOnOneIsSeenOnTheOther(first, second);
                sessionStartedOnOneWorksOnTheOther(first, second);
            } finally {
                first.close();
                second.close();
            }
        }
    }

    private static List<TestServer> startTogether(DatabaseSettings database) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<TestServer>> starting = List.of(
                    threads.submit(() -> {
                        gate.await();
                        return PortalOnExternalDatabase.start(database);
                    }),
                    threads.submit(() -> {
                        gate.await();
                        return PortalOnExternalDatabase.start(database);
                    }));
            gate.countDown();
            return List.of(starting.get(0).get(), starting.get(1).get());
        } finally {
            threads.shutdown();
        }
    }

    private static void assertEveryPluginStarted(TestServer portal) {
        List<PluginStatus> statuses = portal.vitals().plugins().statuses();
        assertEquals(3, statuses.size(), statuses.toString());
        for (PluginStatus status : statuses) {
            assertEquals(PluginState.STARTED, status.state(), status.toString());
        }
        assertEquals(200, portal.get("/health/ready").statusCode());
    }

    private static void catalogEditOnOneIsSeenOnTheOther(TestServer first,
            TestServer second) throws Exception {
        HttpResponse<String> imported = first.send(asAdmin(first, "/api/catalog/import?source=shared")
                .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofString("""
                        apiVersion: backstage.io/v1alpha1
                        kind: Group
                        metadata: {name: payments}
                        spec: {type: team, children: []}
                        ---
                        apiVersion: backstage.io/v1alpha1
                        kind: Component
                        metadata: {name: billing-api}
                        spec: {type: service, lifecycle: production, owner: payments}
                        """)));
        assertEquals(200, imported.statusCode(), imported.body());
        HttpResponse<String> edited = first.send(asAdmin(first, "/catalog/edit")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("ref=" + encode("component:default/billing-api")
                        + "&title=" + encode("Billing API") + "&description=" + encode("Takes the money")
                        + "&tags=")));
        assertEquals(303, edited.statusCode(), edited.body());

        JsonNode seen = json(second.get("/api/catalog/services/billing-api"));
        assertEquals("Billing API", seen.get("entity").get("title").asText(), seen.toString());
        assertEquals("group:default/payments", seen.get("entity").get("owner").asText());
    }

    private static void sloCreatedOnOneIsSeenOnTheOther(TestServer first,
            TestServer second) throws Exception {
        HttpResponse<String> created = first.send(asAdmin(first, "/api/slo/slos")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"name": "billing-availability", "service": "billing-api", "objective": 0.999,
                         "window": "30d", "method": "occurrences"}""")));
        assertEquals(201, created.statusCode(), created.body());

        HttpResponse<String> seen = second.get("/api/slo/slos/billing-availability");
        assertEquals(200, seen.statusCode(), seen.body());
        assertEquals("payments", json(seen).get("team").asText());
    }

    private static void sessionStartedOnOneWorksOnTheOther(TestServer first,
            TestServer second) {
        HttpResponse<String> signIn = first.send(HttpRequest.newBuilder(first.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .header("Origin", "http://localhost:" + first.uri("/").getPort())
                .POST(HttpRequest.BodyPublishers.ofString("token=" + TestServer.ADMIN_TOKEN + "&next=/")));
        assertEquals(303, signIn.statusCode(), signIn.body());
        String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];

        HttpResponse<String> elsewhere = second.send(HttpRequest.newBuilder(second.uri("/api/admin/plugins"))
                .header("Cookie", cookie));
        assertEquals(200, elsewhere.statusCode(), elsewhere.body());
        assertTrue(elsewhere.body().contains("\"slo\""), elsewhere.body());
    }

    private static HttpRequest.Builder asAdmin(TestServer portal, String path) {
        return TestServer.asAdmin(HttpRequest.newBuilder(portal.uri(path)));
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
