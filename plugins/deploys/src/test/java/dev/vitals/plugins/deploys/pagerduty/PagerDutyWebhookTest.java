package dev.vitals.plugins.deploys.pagerduty;

import static dev.vitals.plugins.deploys.Webhooks.pagerDutySignature;
import static dev.vitals.plugins.deploys.Webhooks.samplePayload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitals.api.RouteDoc;
import dev.vitals.plugins.deploys.Webhooks;
import dev.vitals.testkit.PortalResponse;
import dev.vitals.testkit.TestCatalog;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PagerDuty V3 incident webhooks, signed, become incidents of the mapped service. */
class PagerDutyWebhookTest {

    private static final String SECRET = "pagerduty-secret-for-tests";

    /** Service pig is PagerDuty's sample service PA2P440. */
    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .setting("pagerduty_secret", SECRET)
            .catalog(TestCatalog.of().descriptor("""
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
                    """))
            .build();

    /** A delivery as PagerDuty makes it: no portal token, the signatures in one header. */
    private static PortalResponse post(VitalsPortal portal, String body, Optional<String> signature) {
        return portal.anonymous().send("POST", "/api/deploys/webhooks/pagerduty", "application/json", body,
                signature.map(s -> Map.of("X-PagerDuty-Signature", s)).orElse(Map.of()));
    }

    @Test
    void theExampleOfTheApiDescriptionStartsAnIncidentOnTheMappedService(VitalsPortal portal) {
        String body = PagerDutyWebhook.DOC.request().flatMap(RouteDoc.Body::example).orElseThrow();

        PortalResponse answer = post(portal, body, Optional.of(pagerDutySignature(SECRET, body))).expect(202);

        assertEquals("incident.triggered recorded for pig", answer.json().get("outcome").asText());
    }

    @Test
    void everySampleIsAcceptedAndATriggeredIncidentResolvedTwoHoursLaterRestoresInTwoHours(VitalsPortal portal)
            throws IOException {
        List<Path> samples;
        try (Stream<Path> files = Files.list(Webhooks.sample("incidents/pagerduty-v3"))) {
            samples = files.sorted().toList();
        }
        for (Path sample : samples) {
            String body = Files.readString(sample);
            // PagerDuty sends one signature per secret while a secret rotates; any one that matches lets it in.
            PortalResponse response = post(portal, body, Optional.of("v1=" + "0".repeat(64) + ", "
                    + pagerDutySignature(SECRET, body)));
            assertEquals(202, response.status(), sample + ": " + response.body());
        }
        String triggered = samplePayload("incidents/pagerduty-v3/triggered_v3.json");
        String resolved = triggered.replace("incident.triggered", "incident.resolved")
                .replace("2021-06-04T13:35:29.781Z", "2021-06-04T15:35:29.781Z");
        assertNotEquals(triggered, resolved);
        post(portal, resolved, Optional.of(pagerDutySignature(SECRET, resolved))).expect(202);

        JsonNode dora = portal.viewer().get("/api/deploys/dora?service=pig&from=2021-06-04&to=2021-06-05")
                .expect(200).json();
        // Resolved in the period: PFQZPSY after 2 h, PCPZE64 (no start known, so resolved as it started) after 0 h.
        assertEquals(2, dora.get("timeToRestoreHours").get("incidents").asInt(), dora.toString());
        assertEquals(1.0, dora.get("timeToRestoreHours").get("median").asDouble(), 1e-9, dora.toString());
    }

    @Test
    void aWrongOrMissingSignatureIs401(VitalsPortal portal) {
        String body = samplePayload("incidents/pagerduty-v3/triggered_v3.json");
        post(portal, body, Optional.empty()).expect(401);
        post(portal, body, Optional.of("v1=" + "a".repeat(64))).expect(401);
        post(portal, body, Optional.of(pagerDutySignature("other", body))).expect(401);
    }
}
