package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.plugins.deploys.DeploysPlugin;
import dev.vitals.plugins.slo.SloPlugin;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A team's token changes its own team's SLOs and deploys, and nothing of another team's, in every plugin. */
class PluginTeamEditingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;
    private static String recordingToken;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(TestPlugins.of().with("slo", SloPlugin::new).with("deploys", DeploysPlugin::new)
                .source(), Map.of("VITALS_DEMO", "true"));
        HttpResponse<String> token = server.asAdmin("POST", "/api/admin/tokens",
                "{\"name\": \"recording-ci\", \"scopes\": [\"slo:write\", \"deploys:write\"], \"team\": \"recording\"}");
        assertEquals(201, token.statusCode(), token.body());
        recordingToken = JSON.readTree(token.body()).get("token").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> asRecording(String path, String body) {
        return server.send(HttpRequest.newBuilder(server.uri(path)).header("Authorization", "Bearer " + recordingToken)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void aTeamTokenDefinesSlosForItsOwnServicesOnly() {
        String slo = "{\"name\": \"%s\", \"service\": \"%s\", \"objective\": 0.999, \"window\": \"30d\", "
                + "\"method\": \"occurrences\"}";
        assertEquals(201, asRecording("/api/slo/slos", slo.formatted("recorder-latency", "recorder-api")).statusCode());
        HttpResponse<String> other = asRecording("/api/slo/slos", slo.formatted("billing-latency", "billing-api"));
        assertEquals(403, other.statusCode(), other.body());
        assertTrue(other.body().contains("not an editor of the team that owns component:default/billing-api"));
        assertEquals(404, server.get("/api/slo/slos/billing-latency").statusCode(), "nothing was written");
    }

    @Test
    void aTeamTokenImportsSlosForItsOwnServicesOnly() {
        String file = """
                apiVersion: openslo/v1
                kind: SLO
                metadata: {name: %s}
                spec:
                  service: %s
                  timeWindow: [{duration: 7d, isRolling: true}]
                  budgetingMethod: Occurrences
                  objectives: [{target: 0.99}]
                """;
        HttpResponse<String> own = server.send(HttpRequest.newBuilder(server.uri("/api/slo/import"))
                .header("Authorization", "Bearer " + recordingToken).header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(file.formatted("recorder-imported", "recorder-api"))));
        assertEquals(200, own.statusCode(), own.body());
        HttpResponse<String> other = server.send(HttpRequest.newBuilder(server.uri("/api/slo/import"))
                .header("Authorization", "Bearer " + recordingToken).header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(file.formatted("billing-imported", "billing-api"))));
        assertEquals(403, other.statusCode(), other.body());
        assertEquals(404, server.get("/api/slo/slos/billing-imported").statusCode(), "nothing was written");
    }

    @Test
    void aTeamTokenReportsDeploysOfItsOwnServicesOnlyAndABatchWithAnotherTeamsServiceWritesNothing() throws Exception {
        Instant at = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        assertEquals(202, asRecording("/api/deploys/events", "[" + deploy("own-1", "recorder-api", at) + "]")
                .statusCode());
        HttpResponse<String> mixed = asRecording("/api/deploys/events",
                "[" + deploy("own-2", "transcoder", at) + "," + deploy("other-1", "billing-api", at) + "]");
        assertEquals(403, mixed.statusCode(), mixed.body());
        HttpResponse<String> alone = asRecording("/api/deploys/events", "[" + deploy("own-2", "transcoder", at) + "]");
        assertEquals(1, JSON.readTree(alone.body()).get("queued").asInt(),
                "the refused batch wrote nothing, so its own row is new now: " + alone.body());
    }

    private static String deploy(String id, String service, Instant finishedAt) {
        return """
                {"id": "%s", "service": "%s", "environment": "production", "status": "success", "startedAt": "%s",
                 "finishedAt": "%s", "commits": []}""".formatted(id, service, finishedAt.minusSeconds(300), finishedAt);
    }
}
