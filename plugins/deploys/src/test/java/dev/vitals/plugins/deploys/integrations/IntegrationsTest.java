package dev.vitals.plugins.deploys.integrations;

import static dev.vitals.plugins.deploys.Webhooks.githubSignature;
import static dev.vitals.plugins.deploys.Webhooks.pagerDutySignature;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitals.plugins.deploys.Webhooks;
import dev.vitals.testkit.PortalResponse;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Webhook integrations with secrets of their own, managed by administrators over the API and the admin page. */
class IntegrationsTest {

    private static final String ENV_SECRET = "environment-secret-for-tests";
    private static final String PING = Webhooks.samplePayload("github/deployment/payload.json");

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .setting("github_secret", ENV_SECRET)
            .catalog(Webhooks.helloWorld())
            .build();

    private static int github(VitalsPortal portal, String query, Optional<String> secret) {
        return Webhooks.githubDelivery(portal, "/api/deploys/webhooks/github" + query, "deployment", PING,
                secret.map(s -> githubSignature(s, PING))).status();
    }

    private static String add(VitalsPortal portal, String name, String kind) {
        JsonNode made = portal.admin().post("/api/deploys/integrations",
                "{\"name\": \"" + name + "\", \"kind\": \"" + kind + "\"}").expect(201).json();
        assertEquals("/api/deploys/webhooks/" + kind + "?integration=" + name, made.get("webhook").asText());
        return made.get("secret").asText();
    }

    @Test
    void aWebhookNamingAnIntegrationIsVerifiedWithItsSecretAndTheEnvironmentSecretStillWorksWithout(
            VitalsPortal portal) {
        String secret = add(portal, "codertocat-github", "github");

        assertEquals(202, github(portal, "?integration=codertocat-github", Optional.of(secret)));
        assertEquals(401, github(portal, "?integration=codertocat-github", Optional.of(ENV_SECRET)));
        assertEquals(401, github(portal, "?integration=codertocat-github", Optional.of("wrong")));
        assertEquals(401, github(portal, "?integration=codertocat-github", Optional.empty()));
        assertEquals(401, github(portal, "?integration=nobody", Optional.of(secret)));
        assertEquals(202, github(portal, "", Optional.of(ENV_SECRET)));
        assertEquals(401, github(portal, "", Optional.of(secret)));
    }

    @Test
    void rotatingReplacesTheSecretAndDeletingStopsTheIntegration(VitalsPortal portal) {
        String first = add(portal, "rotating", "github");

        String second = portal.admin().post("/api/deploys/integrations/rotating/rotate", "").expect(200).json()
                .get("secret").asText();

        assertEquals(401, github(portal, "?integration=rotating", Optional.of(first)));
        assertEquals(202, github(portal, "?integration=rotating", Optional.of(second)));
        portal.admin().delete("/api/deploys/integrations/rotating").expect(204);
        assertEquals(401, github(portal, "?integration=rotating", Optional.of(second)));
        // The log names every change and never a secret.
        String page = portal.admin().page("/p/deploys/admin/integrations").expect(200).body();
        assertTrue(page.contains("rotated github integration rotating"), page);
        assertTrue(page.contains("deleted github integration rotating"), page);
        assertFalse(page.contains(first) || page.contains(second), page);
    }

    @Test
    void aPagerDutyIntegrationVerifiesPagerDutySignatures(VitalsPortal portal) {
        String secret = add(portal, "pd-main", "pagerduty");
        String body = "{\"event\": {\"event_type\": \"pagey.ping\"}}";
        String path = "/api/deploys/webhooks/pagerduty?integration=pd-main";

        PortalResponse signed = portal.anonymous().send("POST", path, "application/json", body,
                Map.of("X-PagerDuty-Signature", pagerDutySignature(secret, body)));
        PortalResponse unsigned = portal.anonymous().send("POST", path, "application/json", body, Map.of());

        assertEquals(202, signed.status(), signed.body());
        assertEquals(401, unsigned.status(), unsigned.body());
        // A GitHub webhook cannot borrow a PagerDuty integration's secret.
        assertEquals(401, github(portal, "?integration=pd-main", Optional.of(secret)));
    }

    @Test
    void theAdminPageAddsWithAPlainFormAndShowsTheNewSecretOnce(VitalsPortal portal) {
        PortalResponse posted = portal.admin().submit("/p/deploys/admin/integrations",
                Map.of("name", "form-made", "kind", "github")).expect(303);
        String location = posted.header("Location").orElseThrow();
        assertTrue(location.startsWith("/p/deploys/admin/integrations?reveal="), location);
        String flash = "vitals-flash=" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "Integration form-made saved with a new secret: copy it now, it is shown once."
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(posted.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith(flash + ";")),
                "the save is confirmed on the next page: " + posted.headers().allValues("Set-Cookie"));

        String first = portal.admin().page(location).expect(200).body();
        String again = portal.admin().page(location).expect(200).body();

        String secret = first.replaceAll("(?s).*id=\"new-secret\"[^>]*value=\"([^\"]+)\".*", "$1");
        assertTrue(secret.length() >= 40, first);
        assertEquals(202, github(portal, "?integration=form-made", Optional.of(secret)));
        assertFalse(again.contains(secret), again);
        assertTrue(again.contains("/api/deploys/webhooks/github?integration=form-made"), again);
        assertTrue(again.contains("<label for=\"integration-name\""), again);
    }

    @Test
    void onlyAdministratorsManageIntegrations(VitalsPortal portal) {
        portal.anonymous().get("/api/deploys/integrations").expect(401);
        portal.anonymous().post("/api/deploys/integrations", "{\"name\": \"x\", \"kind\": \"github\"}").expect(401);
        assertFalse(portal.anonymous().page("/p/deploys/admin/integrations").body().contains("Add an integration"));
        portal.editorOf("someone").post("/api/deploys/integrations", "{\"name\": \"x\", \"kind\": \"github\"}")
                .expect(403);
        assertFalse(portal.viewer().page("/p/deploys/admin/integrations").body().contains("Add an integration"));
    }
}
