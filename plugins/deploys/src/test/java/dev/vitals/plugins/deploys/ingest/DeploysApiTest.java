package dev.vitals.plugins.deploys.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitals.api.EntityRef;
import dev.vitals.api.Signal;
import dev.vitals.api.SignalFilter;
import dev.vitals.api.SignalStatus;
import dev.vitals.testkit.Person;
import dev.vitals.testkit.PortalClient;
import dev.vitals.testkit.PortalResponse;
import dev.vitals.testkit.RouteDocs;
import dev.vitals.testkit.TestCatalog;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The deploys plugin over HTTP: ingest that is all or nothing and idempotent, and the DORA report. */
class DeploysApiTest {

    /** Team streaming owns alpha and beta; prd and live are other names of production. */
    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .setting("production_aliases", "prd,live")
            .catalog(TestCatalog.of().team("streaming").service("alpha", "streaming").service("beta", "streaming"))
            .build();

    private static String deploy(String id, String service, String environment, String status, Instant finishedAt) {
        return """
                {"id": "%s", "service": "%s", "environment": "%s", "status": "%s", "startedAt": "%s",
                 "finishedAt": "%s", "version": "1.2.3", "pipeline": "ci",
                 "commits": [{"sha": "%s-c", "committedAt": "%s"}]}""".formatted(id, service, environment, status,
                finishedAt.minusSeconds(600), finishedAt, id, finishedAt.minus(2, ChronoUnit.HOURS));
    }

    private static long stored(VitalsPortal portal, String table) {
        return portal.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM deploys." + table)
                .mapTo(Long.class).one());
    }

    @Test
    void everyRouteIsDescribedAndItsExampleReadsAsTheRouteReadsItsBody(VitalsPortal portal) {
        assertEquals(List.of(), RouteDocs.faults(portal.apiRoutes(), portal.webhooks(),
                Set.of("POST /break-glass/{id}/approve", "POST /integrations/{name}/rotate")));
    }

    @Test
    void aBatchIsStoredOnceAndAReplayChangesNothing(VitalsPortal portal) {
        Instant at = portal.clock().instant().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String batch = "[" + deploy("r1", "beta", "prd", "success", at) + ","
                + deploy("r2", "beta", "live", "rolled_back", at.plusSeconds(60)) + "]";

        JsonNode first = portal.admin().post("/api/deploys/events", batch).expect(200).json();
        JsonNode replay = portal.admin().post("/api/deploys/events", batch).expect(200).json();

        assertEquals(2, first.get("stored").asInt());
        assertEquals(0, replay.get("stored").asInt());
        assertEquals(2, replay.get("unchanged").asInt());
        JsonNode dora = portal.viewer().get("/api/deploys/dora?service=beta").expect(200).json();
        assertEquals(2, dora.get("deployments").asInt(), "prd and live are production: " + dora);
        assertEquals(0.5, dora.get("changeFailureRate").get("value").asDouble());
        // Signals follow ingest on a background thread.
        List<Signal> signals = portal.awaitSignals(SignalFilter.about(EntityRef.of("component", "beta"))
                .plugin(portal.pluginId()), found -> !found.isEmpty());
        assertEquals(1, signals.size());
        assertEquals("dora", signals.get(0).kind());
        assertEquals(SignalStatus.WARN, signals.get(0).status(), signals.get(0).summary());
    }

    @Test
    void theSameIdWithOtherContentIsAConflictAndNothingOfTheBatchIsStored(VitalsPortal portal) {
        Instant at = Instant.parse("2026-01-10T10:00:00Z");
        portal.admin().post("/api/deploys/events", "[" + deploy("c1", "alpha", "production", "success", at) + "]")
                .expect(202);
        portal.runJob("apply-waiting-deployments");
        long before = stored(portal, "deployments");

        PortalResponse changed = portal.admin().post("/api/deploys/events", "["
                + deploy("c-new", "alpha", "production", "success", at) + ","
                + deploy("c1", "alpha", "production", "failure", at) + "]");

        assertEquals(409, changed.status(), changed.body());
        assertTrue(changed.body().contains("c1"), changed.body());
        assertEquals(before, stored(portal, "deployments"));
    }

    @Test
    void malformedRowsAreRefusedNamingRowAndFieldAndNothingIsStored(VitalsPortal portal) {
        long before = stored(portal, "deployments");
        String batch = """
                [{"id": "ok-1", "service": "alpha", "environment": "production", "status": "success",
                  "startedAt": "2026-01-10T10:00:00Z", "finishedAt": "2026-01-10T10:05:00Z"},
                 {"id": "bad-1", "service": "no-such-service", "environment": "production", "status": "success",
                  "startedAt": "2026-01-10T10:00:00Z", "finishedAt": "2026-01-10T09:00:00Z"},
                 {"id": "bad-2", "service": "alpha", "environment": "production", "status": "done",
                  "startedAt": "yesterday", "finishedAt": "2026-01-10T10:05:00Z",
                  "commits": [{"sha": "abc"}]}]""";

        PortalResponse response = portal.admin().post("/api/deploys/events", batch).expect(422);

        assertEquals(Optional.of("application/problem+json"), response.contentType());
        List<String> fields = StreamSupport.stream(response.json().get("errors").spliterator(), false)
                .map(e -> e.get("field").asText()).toList();
        assertEquals(List.of("[1].service", "[1].finishedAt", "[2].status", "[2].startedAt",
                "[2].commits[0].committedAt"), fields);
        assertEquals(before, stored(portal, "deployments"));
        portal.admin().post("/api/deploys/events", "{\"id\": \"x\"}").expect(422);
        portal.admin().post("/api/deploys/events", "[{\"id\": ").expect(400);
    }

    @Test
    void anOpenIncidentMayBeResolvedLaterButNotChanged(VitalsPortal portal) {
        String open = """
                {"id": "INC-1", "service": "alpha", "startedAt": "2026-01-11T10:00:00Z", "severity": "sev2"}""";
        String resolved = """
                [{"id": "INC-1", "service": "alpha", "startedAt": "2026-01-11T10:00:00Z", "severity": "sev2",
                  "resolvedAt": "2026-01-11T13:00:00Z"}]""";
        String changed = """
                {"id": "INC-1", "service": "alpha", "startedAt": "2026-01-11T10:00:00Z", "severity": "sev1",
                 "resolvedAt": "2026-01-11T13:00:00Z"}""";
        PortalClient admin = portal.admin();

        admin.post("/api/deploys/incidents", open).expect(200);
        PortalResponse resolving = admin.post("/api/deploys/incidents", resolved).expect(200);
        assertEquals(1, resolving.json().get("stored").asInt(), resolving.body());
        assertEquals(0, admin.post("/api/deploys/incidents", resolved).expect(200).json().get("stored").asInt());
        admin.post("/api/deploys/incidents", changed).expect(409);
        PortalResponse unknown = admin.post("/api/deploys/incidents",
                "{\"id\": \"INC-2\", \"service\": \"zeta\", \"startedAt\": \"2026-01-11T10:00:00Z\"}").expect(422);
        assertTrue(unknown.body().contains("\"field\":\"service\""), unknown.body());

        JsonNode dora = portal.viewer().get("/api/deploys/dora?service=alpha&from=2026-01-11&to=2026-01-12")
                .expect(200).json();
        assertEquals(3.0, dora.get("timeToRestoreHours").get("median").asDouble());
        assertEquals("high", dora.get("timeToRestoreHours").get("band").asText());
    }

    @Test
    void theReportHasTheAgreedShapeWithNullsWhereThereIsNoData(VitalsPortal portal) {
        PortalClient viewer = portal.viewer();
        JsonNode dora = viewer.get("/api/deploys/dora?team=streaming&from=2025-01-01&to=2025-02-01").expect(200)
                .json();

        assertEquals("streaming", dora.get("team").asText());
        assertEquals(0, dora.get("deployments").asInt());
        for (String key : List.of("perWeek", "medianDeployDaysPerWeek", "band")) {
            assertTrue(dora.get("deploymentFrequency").has(key) && dora.get("deploymentFrequency").get(key).isNull(),
                    key + " in " + dora);
        }
        assertTrue(dora.get("leadTimeHours").get("median").isNull());
        assertTrue(dora.get("changeFailureRate").get("value").isNull());
        assertTrue(dora.get("timeToRestoreHours").get("median").isNull());
        viewer.get("/api/deploys/dora?service=zeta").expect(404);
        viewer.get("/api/deploys/dora?service=alpha&from=2026-02-30").expect(422);
        viewer.get("/api/deploys/dora?service=alpha&from=2026-02-03&to=2026-02-01").expect(422);
    }

    @Test
    void theGateAnswersAPipelineAndBreakGlassNeedsASecondPerson(VitalsPortal portal) {
        PortalClient admin = portal.admin();
        PortalClient pipeline = portal.viewer();
        JsonNode open = pipeline.get("/api/deploys/gate?service=beta&environment=production").expect(200).json();
        assertTrue(open.get("allowed").asBoolean(), open.toString());
        assertTrue(open.get("reasons").toString().contains("error budget not checked"), open.toString());

        Instant now = portal.clock().instant();
        PortalResponse freeze = admin.post("/api/deploys/freezes", """
                {"name": "Incident freeze", "kind": "once", "service": "beta", "startsAt": "%s", "endsAt": "%s"}"""
                .formatted(now.minusSeconds(3600), now.plusSeconds(3600))).expect(201);
        JsonNode frozen = pipeline.get("/api/deploys/gate?service=beta").expect(200).json();
        assertEquals(false, frozen.get("allowed").asBoolean(), frozen.toString());
        assertTrue(frozen.get("reasons").get(0).asText().startsWith("frozen: Incident freeze"), frozen.toString());

        PortalResponse asked = admin.post("/api/deploys/break-glass",
                "{\"service\": \"beta\", \"reason\": \"hotfix\"}").expect(201);
        long id = asked.json().get("id").asLong();
        admin.post("/api/deploys/break-glass/" + id + "/approve", "").expect(403);
        assertEquals(false, pipeline.get("/api/deploys/gate?service=beta").expect(200).json().get("allowed")
                .asBoolean());
        pipeline.get("/api/deploys/gate?service=zeta").expect(404);
        pipeline.get("/api/deploys/gate").expect(422);
        long freezeId = freeze.json().get("id").asLong();
        admin.delete("/api/deploys/freezes/" + freezeId).expect(204);
        assertTrue(pipeline.get("/api/deploys/gate?service=beta").expect(200).json().get("allowed").asBoolean());
    }

    @Test
    void breakGlassAskedInTheBrowserIsNotApprovedWithATokenTheSamePersonMadeButIsWithAnotherPersonsToken(
            VitalsPortal portal) {
        // Ada asks in the portal's page, signed in, and then makes herself a token on the tokens page.
        long id = portal.admin().post("/api/deploys/break-glass",
                "{\"service\": \"alpha\", \"reason\": \"hotfix for INC-7\"}").expect(201).json().get("id").asLong();
        PortalClient adasToken = portal.withToken("my-laptop", Optional.empty(), List.of("deploys:write"));

        PortalResponse own = adasToken.post("/api/deploys/break-glass/" + id + "/approve", "").expect(403);
        assertEquals(Optional.of("application/problem+json"), own.contentType());
        assertTrue(own.body().contains("token:my-laptop is a token made by ada, who asked for this"), own.body());
        assertEquals(List.of("waiting"), StreamSupport.stream(portal.viewer().get("/api/deploys/break-glass")
                .expect(200).json().get("requests").spliterator(), false).filter(r -> r.get("id").asLong() == id)
                .map(r -> r.get("state").asText()).toList());

        record NewToken(String name, List<String> scopes) {
        }
        String bobsToken = portal.as(Person.admin("bob")).post("/api/admin/tokens",
                new NewToken("bob-ci", List.of("deploys:write"))).expect(201).json().get("token").asText();
        JsonNode second = portal.anonymous().send("POST", "/api/deploys/break-glass/" + id + "/approve",
                "application/json", "", Map.of("Authorization", "Bearer " + bobsToken)).expect(200).json();
        assertEquals("token:bob-ci", second.get("approvedBy").asText());
        assertEquals("open", second.get("state").asText());
    }
}
