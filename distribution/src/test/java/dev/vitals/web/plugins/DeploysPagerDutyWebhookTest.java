package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.core.audit.Actor;
import dev.vitals.core.testing.Samples;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.plugins.deploys.DeploysPlugin;
import dev.vitals.plugins.deploys.pagerduty.PagerDutySignature;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** PagerDuty V3 incident webhooks, signed, become incidents of the mapped service. */
class DeploysPagerDutyWebhookTest {

    private static final String SECRET = "pagerduty-secret-for-tests";
    private static final PagerDutySignature SIGNATURE = new PagerDutySignature(Optional.of(SECRET));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestPlugins.of().with("deploys", DeploysPlugin::new).source(),
                Map.of("VITALS_DEPLOYS_PAGERDUTY_SECRET", SECRET));
        server.vitals().catalogSources().importText("test", """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: pig
                  annotations:
                    pagerduty.com/service-id: PA2P440
                spec:
                  type: service
                  lifecycle: production
                  owner: someone
                """, new Actor("test", Optional.empty()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> post(byte[] body, Optional<String> signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/api/deploys/webhooks/pagerduty"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signature.ifPresent(s -> request.header("X-PagerDuty-Signature", s));
        return server.send(request);
    }

    @Test
    void everySampleIsAcceptedAndATriggeredIncidentResolvedTwoHoursLaterRestoresInTwoHours() throws Exception {
        List<Path> samples;
        try (Stream<Path> files = Files.list(Samples.path("incidents/pagerduty-v3"))) {
            samples = files.sorted().toList();
        }
        for (Path sample : samples) {
            byte[] body = Files.readAllBytes(sample);
            HttpResponse<String> response = post(body, Optional.of("v1=" + "0".repeat(64) + ", "
                    + SIGNATURE.sign(body)));
            assertEquals(202, response.statusCode(), sample + ": " + response.body());
        }
        String triggered = Files.readString(Samples.path("incidents/pagerduty-v3/triggered_v3.json"));
        byte[] resolved = triggered.replace("incident.triggered", "incident.resolved")
                .replace("2021-06-04T13:35:29.781Z", "2021-06-04T15:35:29.781Z").getBytes(StandardCharsets.UTF_8);
        assertTrue(!triggered.equals(new String(resolved, StandardCharsets.UTF_8)));
        assertEquals(202, post(resolved, Optional.of(SIGNATURE.sign(resolved))).statusCode());

        JsonNode dora = JSON.readTree(server.get("/api/deploys/dora?service=pig&from=2021-06-04&to=2021-06-05")
                .body());
        // Resolved in the period: PFQZPSY after 2 h, PCPZE64 (no start known, so resolved as it started) after 0 h.
        assertEquals(2, dora.get("timeToRestoreHours").get("incidents").asInt(), dora.toString());
        assertEquals(1.0, dora.get("timeToRestoreHours").get("median").asDouble(), 1e-9, dora.toString());
    }

    @Test
    void aWrongOrMissingSignatureIs401() throws Exception {
        byte[] body = Files.readAllBytes(Samples.path("incidents/pagerduty-v3/triggered_v3.json"));
        assertEquals(401, post(body, Optional.empty()).statusCode());
        assertEquals(401, post(body, Optional.of("v1=" + "a".repeat(64))).statusCode());
        assertEquals(401, post(body, Optional.of(new PagerDutySignature(Optional.of("other")).sign(body)))
                .statusCode());
    }
}
