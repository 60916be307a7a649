package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.api.Signal;
import dev.vitals.api.SignalStatus;
import dev.vitals.core.audit.Actor;
import dev.vitals.core.identity.ApiTokens;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.plugins.deploys.DeploysPlugin;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The deploys plugin over HTTP: ingest that is all or nothing and idempotent, and the DORA report. */
class DeploysApiTest {

    static final String CATALOG = """
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata:
              name: streaming
            spec:
              type: team
              children: []
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata:
              name: alpha
              annotations:
                github.com/project-slug: example-org/alpha
            spec:
              type: service
              lifecycle: production
              owner: streaming
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata:
              name: beta
            spec:
              type: service
              lifecycle: production
              owner: streaming
            """;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestPlugins.of().with("deploys", DeploysPlugin::new).source(),
                Map.of("VITALS_DEPLOYS_PRODUCTION_ALIASES", "prd,live"));
        server.vitals().catalogSources().importText("test", CATALOG, new Actor("test", Optional.empty()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String deploy(String id, String service, String environment, String status, Instant finishedAt) {
        return """
                {"id": "%s", "service": "%s", "environment": "%s", "status": "%s", "startedAt": "%s",
                 "finishedAt": "%s", "version": "1.2.3", "pipeline": "ci",
                 "commits": [{"sha": "%s-c", "committedAt": "%s"}]}""".formatted(id, service, environment, status,
                finishedAt.minusSeconds(600), finishedAt, id, finishedAt.minus(2, ChronoUnit.HOURS));
    }

    private static long stored(String table) {
        return server.vitals().database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM deploys." + table)
                .mapTo(Long.class).one());
    }

    @Test
    void aBatchIsStoredOnceAndAReplayChangesNothing() throws Exception {
        Instant at = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String batch = "[" + deploy("r1", "beta", "prd", "success", at) + ","
                + deploy("r2", "beta", "live", "rolled_back", at.plusSeconds(60)) + "]";

        HttpResponse<String> first = server.asAdmin("POST", "/api/deploys/events", batch);
        HttpResponse<String> replay = server.asAdmin("POST", "/api/deploys/events", batch);

        assertEquals(200, first.statusCode(), first.body());
        assertEquals(2, JSON.readTree(first.body()).get("stored").asInt());
        assertEquals(200, replay.statusCode(), replay.body());
        assertEquals(0, JSON.readTree(replay.body()).get("stored").asInt());
        assertEquals(2, JSON.readTree(replay.body()).get("unchanged").asInt());
        JsonNode dora = JSON.readTree(server.get("/api/deploys/dora?service=beta").body());
        assertEquals(2, dora.get("deployments").asInt(), "prd and live are production: " + dora);
        assertEquals(0.5, dora.get("changeFailureRate").get("value").asDouble());
        // Signals follow ingest on a background thread.
        List<Signal> signals = server.awaitSignals("component:default/beta", found -> !found.isEmpty());
        assertEquals(1, signals.size());
        assertEquals("dora", signals.get(0).kind());
        assertEquals(SignalStatus.WARN, signals.get(0).status(), signals.get(0).summary());
    }

    @Test
    void theSameIdWithOtherContentIsAConflictAndNothingOfTheBatchIsStored() {
        Instant at = Instant.parse("2026-01-10T10:00:00Z");
        assertEquals(200, server.asAdmin("POST", "/api/deploys/events",
                "[" + deploy("c1", "alpha", "production", "success", at) + "]").statusCode());
        long before = stored("deployments");

        HttpResponse<String> changed = server.asAdmin("POST", "/api/deploys/events", "["
                + deploy("c-new", "alpha", "production", "success", at) + ","
                + deploy("c1", "alpha", "production", "failure", at) + "]");

        assertEquals(409, changed.statusCode(), changed.body());
        assertTrue(changed.body().contains("c1"), changed.body());
        assertEquals(before, stored("deployments"));
    }

    @Test
    void malformedRowsAreRefusedNamingRowAndFieldAndNothingIsStored() throws Exception {
        long before = stored("deployments");
        String batch = """
                [{"id": "ok-1", "service": "alpha", "environment": "production", "status": "success",
                  "startedAt": "2026-01-10T10:00:00Z", "finishedAt": "2026-01-10T10:05:00Z"},
                 {"id": "bad-1", "service": "no-such-service", "environment": "production", "status": "success",
                  "startedAt": "2026-01-10T10:00:00Z", "finishedAt": "2026-01-10T09:00:00Z"},
                 {"id": "bad-2", "service": "alpha", "environment": "production", "status": "done",
                  "startedAt": "yesterday", "finishedAt": "2026-01-10T10:05:00Z",
                  "commits": [{"sha": "abc"}]}]""";

        HttpResponse<String> response = server.asAdmin("POST", "/api/deploys/events", batch);

        assertEquals(422, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        List<String> fields = StreamSupport.stream(JSON.readTree(response.body()).get("errors").spliterator(), false)
                .map(e -> e.get("field").asText()).toList();
        assertEquals(List.of("[1].service", "[1].finishedAt", "[2].status", "[2].startedAt",
                "[2].commits[0].committedAt"), fields);
        assertEquals(before, stored("deployments"));
        assertEquals(422, server.asAdmin("POST", "/api/deploys/events", "{\"id\": \"x\"}").statusCode());
        assertEquals(400, server.asAdmin("POST", "/api/deploys/events", "[{\"id\": ").statusCode());
    }

    @Test
    void anOpenIncidentMayBeResolvedLaterButNotChanged() throws Exception {
        String open = """
                {"id": "INC-1", "service": "alpha", "startedAt": "2026-01-11T10:00:00Z", "severity": "sev2"}""";
        String resolved = """
                [{"id": "INC-1", "service": "alpha", "startedAt": "2026-01-11T10:00:00Z", "severity": "sev2",
                  "resolvedAt": "2026-01-11T13:00:00Z"}]""";
        String changed = """
                {"id": "INC-1", "service": "alpha", "startedAt": "2026-01-11T10:00:00Z", "severity": "sev1",
                 "resolvedAt": "2026-01-11T13:00:00Z"}""";

        assertEquals(200, server.asAdmin("POST", "/api/deploys/incidents", open).statusCode());
        HttpResponse<String> resolving = server.asAdmin("POST", "/api/deploys/incidents", resolved);
        assertEquals(1, JSON.readTree(resolving.body()).get("stored").asInt(), resolving.body());
        assertEquals(0, JSON.readTree(server.asAdmin("POST", "/api/deploys/incidents", resolved).body())
                .get("stored").asInt());
        assertEquals(409, server.asAdmin("POST", "/api/deploys/incidents", changed).statusCode());
        HttpResponse<String> unknown = server.asAdmin("POST", "/api/deploys/incidents",
                "{\"id\": \"INC-2\", \"service\": \"zeta\", \"startedAt\": \"2026-01-11T10:00:00Z\"}");
        assertEquals(422, unknown.statusCode());
        assertTrue(unknown.body().contains("\"field\":\"service\""), unknown.body());

        JsonNode dora = JSON.readTree(server.get("/api/deploys/dora?service=alpha&from=2026-01-11&to=2026-01-12")
                .body());
        assertEquals(3.0, dora.get("timeToRestoreHours").get("median").asDouble());
        assertEquals("high", dora.get("timeToRestoreHours").get("band").asText());
    }

    @Test
    void theReportHasTheAgreedShapeWithNullsWhereThereIsNoData() throws Exception {
        HttpResponse<String> response = server.get("/api/deploys/dora?team=streaming&from=2025-01-01&to=2025-02-01");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode dora = JSON.readTree(response.body());
        assertEquals("streaming", dora.get("team").asText());
        assertEquals(0, dora.get("deployments").asInt());
        for (String key : List.of("perWeek", "medianDeployDaysPerWeek", "band")) {
            assertTrue(dora.get("deploymentFrequency").has(key) && dora.get("deploymentFrequency").get(key).isNull(),
                    key + " in " + dora);
        }
        assertTrue(dora.get("leadTimeHours").get("median").isNull());
        assertTrue(dora.get("changeFailureRate").get("value").isNull());
        assertTrue(dora.get("timeToRestoreHours").get("median").isNull());
        assertEquals(404, server.get("/api/deploys/dora?service=zeta").statusCode());
        assertEquals(422, server.get("/api/deploys/dora?service=alpha&from=2026-02-30").statusCode());
        assertEquals(422, server.get("/api/deploys/dora?service=alpha&from=2026-02-03&to=2026-02-01").statusCode());
    }

    @Test
    void theGateAnswersAPipelineAndBreakGlassNeedsASecondPerson() throws Exception {
        JsonNode open = JSON.readTree(server.get("/api/deploys/gate?service=beta&environment=production").body());
        assertTrue(open.get("allowed").asBoolean(), open.toString());
        assertTrue(open.get("reasons").toString().contains("error budget not checked"), open.toString());

        Instant now = Instant.now();
        HttpResponse<String> freeze = server.asAdmin("POST", "/api/deploys/freezes", """
                {"name": "Incident freeze", "kind": "once", "service": "beta", "startsAt": "%s", "endsAt": "%s"}"""
                .formatted(now.minusSeconds(3600), now.plusSeconds(3600)));
        assertEquals(201, freeze.statusCode(), freeze.body());
        JsonNode frozen = JSON.readTree(server.get("/api/deploys/gate?service=beta").body());
        assertEquals(false, frozen.get("allowed").asBoolean(), frozen.toString());
        assertTrue(frozen.get("reasons").get(0).asText().startsWith("frozen: Incident freeze"), frozen.toString());

        HttpResponse<String> asked = server.asAdmin("POST", "/api/deploys/break-glass",
                "{\"service\": \"beta\", \"reason\": \"hotfix\"}");
        assertEquals(201, asked.statusCode(), asked.body());
        long id = JSON.readTree(asked.body()).get("id").asLong();
        HttpResponse<String> self = server.asAdmin("POST", "/api/deploys/break-glass/" + id + "/approve", "");
        assertEquals(403, self.statusCode(), self.body());
        assertEquals(false, JSON.readTree(server.get("/api/deploys/gate?service=beta").body()).get("allowed")
                .asBoolean());
        assertEquals(404, server.get("/api/deploys/gate?service=zeta").statusCode());
        assertEquals(422, server.get("/api/deploys/gate").statusCode());
        long freezeId = JSON.readTree(freeze.body()).get("id").asLong();
        assertEquals(204, server.asAdmin("DELETE", "/api/deploys/freezes/" + freezeId, "").statusCode());
        assertTrue(JSON.readTree(server.get("/api/deploys/gate?service=beta").body()).get("allowed").asBoolean());
    }

    @Test
    void breakGlassAskedInTheBrowserIsNotApprovedWithATokenTheSamePersonMadeButIsWithAnotherPersonsToken()
            throws Exception {
        String session = DevSignInTest.session(server.send(HttpRequest.newBuilder(server.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + TestServer.ADMIN_TOKEN))));
        HttpResponse<String> asked = inBrowser(session, "/api/deploys/break-glass",
                "{\"service\": \"alpha\", \"reason\": \"hotfix for INC-7\"}");
        assertEquals(201, asked.statusCode(), asked.body());
        long id = JSON.readTree(asked.body()).get("id").asLong();
        HttpResponse<String> made = inBrowser(session, "/api/admin/tokens",
                "{\"name\": \"my-laptop\", \"scopes\": [\"deploys:write\"]}");
        assertEquals(201, made.statusCode(), made.body());
        String ownToken = JSON.readTree(made.body()).get("token").asText();

        HttpResponse<String> own = withToken(ownToken, "/api/deploys/break-glass/" + id + "/approve");
        assertEquals(403, own.statusCode(), own.body());
        assertEquals("application/problem+json", own.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(own.body().contains("token:my-laptop is a token made by admin, who asked for this"), own.body());
        assertEquals(List.of("waiting"), StreamSupport.stream(JSON.readTree(server.get("/api/deploys/break-glass")
                .body()).get("requests").spliterator(), false).filter(r -> r.get("id").asLong() == id)
                .map(r -> r.get("state").asText()).toList());

        String othersToken = server.vitals().identity().tokens().create(new ApiTokens.NewToken("bob-ci",
                List.of("deploys:write"), Optional.empty(), Optional.empty()), new Actor("bob", Optional.empty()))
                .secret();
        HttpResponse<String> second = withToken(othersToken, "/api/deploys/break-glass/" + id + "/approve");
        assertEquals(200, second.statusCode(), second.body());
        assertEquals("token:bob-ci", JSON.readTree(second.body()).get("approvedBy").asText());
        assertEquals("open", JSON.readTree(second.body()).get("state").asText());
    }

    /** A change from the portal's own page in a signed-in browser. */
    private static HttpResponse<String> inBrowser(String session, String path, String body) {
        return server.send(HttpRequest.newBuilder(server.uri(path)).header("Cookie", session)
                .header("Origin", server.uri("").toString()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> withToken(String token, String path) {
        return server.send(HttpRequest.newBuilder(server.uri(path)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }
}
