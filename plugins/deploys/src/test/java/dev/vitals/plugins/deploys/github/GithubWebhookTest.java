package dev.vitals.plugins.deploys.github;

import static dev.vitals.plugins.deploys.Webhooks.githubSignature;
import static dev.vitals.plugins.deploys.Webhooks.samplePayload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vitals.api.RouteDoc;
import dev.vitals.plugins.deploys.Webhooks;
import dev.vitals.testkit.PortalResponse;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GitHub calls the portal without a token; only its signature lets it in. */
class GithubWebhookTest {

    private static final String SECRET = "webhook-secret-for-tests";
    private static final String PATH = "/api/deploys/webhooks/github";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .setting("github_secret", SECRET)
            .catalog(Webhooks.helloWorld())
            .build();

    private static PortalResponse post(VitalsPortal portal, String event, String body, Optional<String> signature) {
        return Webhooks.githubDelivery(portal, PATH, event, body, signature);
    }

    private static long githubDeployments(VitalsPortal portal) {
        return portal.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM deploys.deployments WHERE source = 'github'").mapTo(Long.class).one());
    }

    @Test
    void everySamplePayloadIsAcceptedWithoutAPortalTokenAndAFinishedDeploymentIsRecordedOnce(VitalsPortal portal)
            throws IOException {
        List<Path> samples;
        try (Stream<Path> files = Files.walk(Webhooks.sample("github"))) {
            samples = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(samples.size() >= 10, samples.toString());
        for (Path sample : samples) {
            String body = Files.readString(sample);
            String event = sample.getParent().getFileName().toString();
            PortalResponse response = post(portal, event, body, Optional.of(githubSignature(SECRET, body)));
            assertTrue(response.status() / 100 == 2, sample + " → " + response);
        }
        // Two samples report deployment 145988746 as successful in production (one adds an installation):
        // the same deployment, stored once. The gh-pages status is still in progress.
        assertEquals(1, githubDeployments(portal));
        String stored = portal.jdbi().withHandle(h -> h.createQuery(
                "SELECT id || ' ' || service || ' ' || environment || ' ' || status FROM deploys.deployments"
                        + " WHERE source = 'github'").mapTo(String.class).one());
        assertEquals("github:145988746:hello-world hello-world production success", stored);
    }

    @Test
    void theExampleOfTheApiDescriptionIsRecordedAsAFinishedDeployment(VitalsPortal portal) {
        String body = GithubWebhook.DOC.request().flatMap(RouteDoc.Body::example).orElseThrow();

        JsonNode answer = post(portal, "deployment_status", body, Optional.of(githubSignature(SECRET, body)))
                .expect(202).json();

        // Recorded now, or unchanged when a sample of the same deployment came first.
        assertEquals(1, answer.get("recorded").asInt() + answer.get("unchanged").asInt(), answer.toString());
    }

    @Test
    void deploymentEventsAreKeptAsCreatedAndARedeliveryChangesNothing(VitalsPortal portal) {
        for (String sample : List.of("payload.json", "payload.json", "gh-pages.payload.json",
                "with-installation.payload.json")) {
            String body = samplePayload("github/deployment/" + sample);
            post(portal, "deployment", body, Optional.of(githubSignature(SECRET, body))).expect(202);
        }

        List<String> stored = portal.jdbi().withHandle(h -> h.createQuery("""
                SELECT concat_ws(' ', repository, deployment_id, environment, sha, ref, task, creator,
                       to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
                FROM deploys.github_deployments ORDER BY environment""").mapTo(String.class).list());
        assertEquals(List.of(
                "codertocat/hello-world 145988746 github-pages f95f852bd8fca8fcc58a9a2d6c842781e32a215e gh-pages"
                        + " deploy github-pages[bot] 2022-01-03T01:28:30Z",
                "codertocat/hello-world 145988746 production f95f852bd8fca8fcc58a9a2d6c842781e32a215e master"
                        + " deploy Codertocat 2019-05-15T15:20:53Z"), stored);
    }

    @Test
    void aStatusThatLeavesOutTheDeploymentDetailsIsCompletedFromTheDeploymentEvent(VitalsPortal portal)
            throws IOException {
        String created = samplePayload("github/deployment/payload.json");
        post(portal, "deployment", created, Optional.of(githubSignature(SECRET, created))).expect(202);
        ObjectNode status = (ObjectNode) JSON.readTree(samplePayload("github/deployment_status/payload.json"));
        ObjectNode bare = JSON.createObjectNode();
        bare.set("id", status.get("deployment").get("id"));
        status.set("deployment", bare);
        String body = JSON.writeValueAsString(status);

        post(portal, "deployment_status", body, Optional.of(githubSignature(SECRET, body))).expect(202);

        String stored = portal.jdbi().withHandle(h -> h.createQuery("""
                SELECT concat_ws(' ', id, environment, status, version,
                       to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
                FROM deploys.deployments WHERE source = 'github'""").mapTo(String.class).one());
        // The same deployment as the full status payload records, so either order stores it once.
        assertEquals("github:145988746:hello-world production success master 2019-05-15T15:20:53Z", stored);
    }

    @Test
    void aMissingOrWrongSignatureIs401AndStoresNothing(VitalsPortal portal) {
        String body = samplePayload("github/deployment_status/payload.json");
        String tampered = body.replace("\"success\"", "\"failure\"");
        long before = githubDeployments(portal);

        post(portal, "deployment_status", body, Optional.empty()).expect(401);
        post(portal, "deployment_status", tampered, Optional.of(githubSignature(SECRET, body))).expect(401);
        post(portal, "deployment_status", body, Optional.of("sha256=" + "0".repeat(64))).expect(401);
        post(portal, "deployment_status", body, Optional.of(githubSignature("another-secret", body))).expect(401);
        assertEquals(before, githubDeployments(portal));
    }

    @Test
    void aSignedPingIsAnswered(VitalsPortal portal) {
        String body = "{\"zen\": \"Keep it logically awesome.\", \"hook_id\": 1}";
        PortalResponse pong = post(portal, "ping", body, Optional.of(githubSignature(SECRET, body))).expect(200);
        assertTrue(pong.body().contains("\"pong\":true"), pong.body());
    }
}
