package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vitals.core.audit.Actor;
import dev.vitals.core.testing.Samples;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.plugins.deploys.DeploysPlugin;
import dev.vitals.plugins.deploys.github.WebhookSignature;
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

/** GitHub calls the portal without a token; only its signature lets it in. */
class DeploysGithubWebhookTest {

    private static final String SECRET = "webhook-secret-for-tests";
    private static final String PATH = "/api/deploys/webhooks/github";
    private static final WebhookSignature SIGNATURE = new WebhookSignature(Optional.of(SECRET));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = startWithHelloWorld(SECRET);
    }

    /** A portal with the deploys plugin and one service whose repository is GitHub's sample {@code codertocat/hello-world}. */
    static TestServer startWithHelloWorld(String githubSecret) {
        TestServer server = TestServer.start(TestPlugins.of().with("deploys", DeploysPlugin::new).source(),
                Map.of("VITALS_DEPLOYS_GITHUB_SECRET", githubSecret));
        server.vitals().catalogSources().importText("test", """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: hello-world
                  annotations:
                    github.com/project-slug: codertocat/hello-world
                spec:
                  type: service
                  lifecycle: production
                  owner: someone
                """, new Actor("test", Optional.empty()));
        return server;
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> post(String event, byte[] body, Optional<String> signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(PATH)).header("X-GitHub-Event", event)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signature.ifPresent(s -> request.header("X-Hub-Signature-256", s));
        return server.send(request);
    }

    private static long githubDeployments() {
        return server.vitals().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM deploys.deployments WHERE source = 'github'").mapTo(Long.class).one());
    }

    @Test
    void everySamplePayloadIsAcceptedWithoutAPortalTokenAndAFinishedDeploymentIsRecordedOnce() throws Exception {
        List<Path> samples;
        try (Stream<Path> files = Files.walk(Samples.path("github"))) {
            samples = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(samples.size() >= 10, samples.toString());
        for (Path sample : samples) {
            byte[] body = Files.readAllBytes(sample);
            String event = sample.getParent().getFileName().toString();
            HttpResponse<String> response = post(event, body, Optional.of(SIGNATURE.sign(body)));
            assertTrue(response.statusCode() / 100 == 2, sample + " → " + response.statusCode() + " " + response.body());
        }
        // Two samples report deployment 145988746 as successful in production (one adds an installation):
        // the same deployment, stored once. The gh-pages status is still in progress.
        assertEquals(1, githubDeployments());
        String stored = server.vitals().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT id || ' ' || service || ' ' || environment || ' ' || status FROM deploys.deployments"
                        + " WHERE source = 'github'").mapTo(String.class).one());
        assertEquals("github:145988746:hello-world hello-world production success", stored);
    }

    @Test
    void deploymentEventsAreKeptAsCreatedAndARedeliveryChangesNothing() throws Exception {
        for (String sample : List.of("payload.json", "payload.json", "gh-pages.payload.json",
                "with-installation.payload.json")) {
            byte[] body = Files.readAllBytes(Samples.path("github/deployment/" + sample));
            HttpResponse<String> response = post("deployment", body, Optional.of(SIGNATURE.sign(body)));
            assertEquals(202, response.statusCode(), response.body());
        }

        List<String> stored = server.vitals().database().jdbi().withHandle(h -> h.createQuery("""
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
    void aStatusThatLeavesOutTheDeploymentDetailsIsCompletedFromTheDeploymentEvent() throws Exception {
        byte[] created = Files.readAllBytes(Samples.path("github/deployment/payload.json"));
        assertEquals(202, post("deployment", created, Optional.of(SIGNATURE.sign(created))).statusCode());
        ObjectNode status = (ObjectNode) JSON.readTree(Samples.path("github/deployment_status/payload.json").toFile());
        ObjectNode bare = JSON.createObjectNode();
        bare.set("id", status.get("deployment").get("id"));
        status.set("deployment", bare);
        byte[] body = JSON.writeValueAsBytes(status);

        HttpResponse<String> response = post("deployment_status", body, Optional.of(SIGNATURE.sign(body)));

        assertEquals(202, response.statusCode(), response.body());
        String stored = server.vitals().database().jdbi().withHandle(h -> h.createQuery("""
                SELECT concat_ws(' ', id, environment, status, version,
                       to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
                FROM deploys.deployments WHERE source = 'github'""").mapTo(String.class).one());
        // The same deployment as the full status payload records, so either order stores it once.
        assertEquals("github:145988746:hello-world production success master 2019-05-15T15:20:53Z", stored);
    }

    @Test
    void aMissingOrWrongSignatureIs401AndStoresNothing() throws Exception {
        byte[] body = Files.readAllBytes(Samples.path("github/deployment_status/payload.json"));
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("\"success\"", "\"failure\"")
                .getBytes(StandardCharsets.UTF_8);
        long before = githubDeployments();

        assertEquals(401, post("deployment_status", body, Optional.empty()).statusCode());
        assertEquals(401, post("deployment_status", tampered, Optional.of(SIGNATURE.sign(body))).statusCode());
        assertEquals(401, post("deployment_status", body, Optional.of("sha256=" + "0".repeat(64))).statusCode());
        assertEquals(401, post("deployment_status", body,
                Optional.of(new WebhookSignature(Optional.of("another-secret")).sign(body))).statusCode());
        assertEquals(before, githubDeployments());
    }

    @Test
    void aSignedPingIsAnswered() {
        byte[] body = "{\"zen\": \"Keep it logically awesome.\", \"hook_id\": 1}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> pong = post("ping", body, Optional.of(SIGNATURE.sign(body)));
        assertEquals(200, pong.statusCode(), pong.body());
        assertTrue(pong.body().contains("\"pong\":true"), pong.body());
    }
}
