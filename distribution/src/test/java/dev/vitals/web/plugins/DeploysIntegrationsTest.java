package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.core.testing.Samples;
import dev.vitals.plugins.deploys.github.WebhookSignature;
import dev.vitals.plugins.deploys.pagerduty.PagerDutySignature;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Webhook integrations with secrets of their own, managed by administrators over the API and the admin page. */
class DeploysIntegrationsTest {

    private static final String ENV_SECRET = "environment-secret-for-tests";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;
    private static byte[] ping;

    @BeforeAll
    static void start() throws Exception {
        server = DeploysGithubWebhookTest.startWithHelloWorld(ENV_SECRET);
        ping = Files.readAllBytes(Samples.path("github/deployment/payload.json"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> github(String query, Optional<String> secret) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/api/deploys/webhooks/github" + query))
                .header("X-GitHub-Event", "deployment").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(ping));
        secret.ifPresent(s -> request.header("X-Hub-Signature-256", new WebhookSignature(Optional.of(s)).sign(ping)));
        return server.send(request);
    }

    private static String add(String name, String kind) throws Exception {
        HttpResponse<String> made = server.asAdmin("POST", "/api/deploys/integrations",
                "{\"name\": \"" + name + "\", \"kind\": \"" + kind + "\"}");
        assertEquals(201, made.statusCode(), made.body());
        JsonNode json = JSON.readTree(made.body());
        assertEquals("/api/deploys/webhooks/" + kind + "?integration=" + name, json.get("webhook").asText());
        return json.get("secret").asText();
    }

    @Test
    void aWebhookNamingAnIntegrationIsVerifiedWithItsSecretAndTheEnvironmentSecretStillWorksWithout()
            throws Exception {
        String secret = add("codertocat-github", "github");

        assertEquals(202, github("?integration=codertocat-github", Optional.of(secret)).statusCode());
        assertEquals(401, github("?integration=codertocat-github", Optional.of(ENV_SECRET)).statusCode());
        assertEquals(401, github("?integration=codertocat-github", Optional.of("wrong")).statusCode());
        assertEquals(401, github("?integration=codertocat-github", Optional.empty()).statusCode());
        assertEquals(401, github("?integration=nobody", Optional.of(secret)).statusCode());
        assertEquals(202, github("", Optional.of(ENV_SECRET)).statusCode());
        assertEquals(401, github("", Optional.of(secret)).statusCode());
    }

    @Test
    void rotatingReplacesTheSecretAndDeletingStopsTheIntegration() throws Exception {
        String first = add("rotating", "github");

        HttpResponse<String> rotated = server.asAdmin("POST", "/api/deploys/integrations/rotating/rotate", "");
        assertEquals(200, rotated.statusCode(), rotated.body());
        String second = JSON.readTree(rotated.body()).get("secret").asText();

        assertEquals(401, github("?integration=rotating", Optional.of(first)).statusCode());
        assertEquals(202, github("?integration=rotating", Optional.of(second)).statusCode());
        assertEquals(204, server.asAdmin("DELETE", "/api/deploys/integrations/rotating", "").statusCode());
        assertEquals(401, github("?integration=rotating", Optional.of(second)).statusCode());
        // The log names every change and never a secret.
        String page = server.getPage("/p/deploys/admin/integrations").body();
        assertTrue(page.contains("rotated github integration rotating"), page);
        assertTrue(page.contains("deleted github integration rotating"), page);
        assertFalse(page.contains(first) || page.contains(second), page);
    }

    @Test
    void aPagerDutyIntegrationVerifiesPagerDutySignatures() throws Exception {
        String secret = add("pd-main", "pagerduty");
        byte[] body = "{\"event\": {\"event_type\": \"pagey.ping\"}}".getBytes();
        HttpRequest.Builder request = HttpRequest.newBuilder(
                server.uri("/api/deploys/webhooks/pagerduty?integration=pd-main"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));

        HttpResponse<String> signed = server.send(request.copy().header("X-PagerDuty-Signature",
                new PagerDutySignature(Optional.of(secret)).sign(body)));
        HttpResponse<String> unsigned = server.send(request.copy());

        assertEquals(202, signed.statusCode(), signed.body());
        assertEquals(401, unsigned.statusCode(), unsigned.body());
        // A GitHub webhook cannot borrow a PagerDuty integration's secret.
        assertEquals(401, github("?integration=pd-main", Optional.of(secret)).statusCode());
    }

    @Test
    void theAdminPageAddsWithAPlainFormAndShowsTheNewSecretOnce() throws Exception {
        HttpResponse<String> posted = server.send(TestServer.asAdmin(HttpRequest.newBuilder(
                        server.uri("/p/deploys/admin/integrations")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=form-made&kind=github")));
        assertEquals(303, posted.statusCode(), posted.body());
        String location = posted.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith("/p/deploys/admin/integrations?reveal="), location);

        String first = server.getPage(location).body();
        String again = server.getPage(location).body();

        String secret = first.replaceAll("(?s).*id=\"new-secret\"[^>]*value=\"([^\"]+)\".*", "$1");
        assertTrue(secret.length() >= 40, first);
        assertEquals(202, github("?integration=form-made", Optional.of(secret)).statusCode());
        assertFalse(again.contains(secret), again);
        assertTrue(again.contains("/api/deploys/webhooks/github?integration=form-made"), again);
        assertTrue(again.contains("<label for=\"integration-name\""), again);
    }

    @Test
    void onlyAdministratorsManageIntegrations() {
        assertEquals(401, server.anonymousGet("/api/deploys/integrations").statusCode());
        assertEquals(401, server.send(HttpRequest.newBuilder(server.uri("/api/deploys/integrations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"x\", \"kind\": \"github\"}"))).statusCode());
        assertFalse(server.anonymousPage("/p/deploys/admin/integrations").body().contains("Add an integration"));
    }
}
