package dev.vitals.plugins.deploys.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.core.audit.Actor;
import dev.vitals.core.Json;
import dev.vitals.core.testing.MovableClock;
import dev.vitals.plugins.deploys.DeploysTestPortal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sent events as the portal reads them, checked against the catalog: every mistake named by row and field. */
class EventParserTest {

    private static DeploysTestPortal portal;
    private static EventParser parser;

    @BeforeAll
    static void start() {
        portal = DeploysTestPortal.start("UTC", Map.of());
        parser = new EventParser(portal.context().catalog(), portal.context().clock());
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    private static List<SentDeployment> read(String json) throws Exception {
        return Arrays.asList(Json.requestMapper().readValue(json, SentDeployment[].class));
    }

    @Test
    void malformedRowsAreRefusedNamingEveryRowAndFieldAtFault() throws Exception {
        List<SentDeployment> batch = read("""
                [{"id": "ok-1", "service": "alpha", "environment": "production", "status": "success",
                  "startedAt": "2026-01-10T10:00:00Z", "finishedAt": "2026-01-10T10:05:00Z"},
                 {"id": "bad-1", "service": "no-such-service", "environment": "production", "status": "success",
                  "startedAt": "2026-01-10T10:00:00Z", "finishedAt": "2026-01-10T09:00:00Z"},
                 {"id": "bad-2", "service": "alpha", "environment": "production", "status": "done",
                  "startedAt": "yesterday", "finishedAt": "2026-01-10T10:05:00Z",
                  "commits": [{"sha": "abc"}]},
                 null]""");

        ProblemException refused = assertThrows(ProblemException.class, () -> parser.deployments(batch));

        assertEquals(422, refused.status());
        assertEquals(List.of("[1].service", "[1].finishedAt", "[2].status", "[2].startedAt",
                "[2].commits[0].committedAt", "[3]"), refused.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void aServiceNamedByItsReferenceIsKeptUnderItsCatalogKey() throws Exception {
        List<DeploymentEvent> events = parser.deployments(read("""
                [{"id": "r-1", "service": "component:default/alpha", "environment": "prod", "status": "success",
                  "startedAt": "2026-01-10T10:00:00Z", "finishedAt": "2026-01-10T10:05:00Z"}]"""));

        assertEquals("alpha", events.get(0).service());
        assertEquals("prod", events.get(0).environment(), "aliases apply when stored, not when read");
    }

    @Test
    void aSingleIncidentNamesItsFieldsWithoutARowAndAGroupIsNoService() {
        ProblemException refused = assertThrows(ProblemException.class, () -> parser.incidents(List.of(
                new SentIncident("INC-2", "group:streaming", "2026-01-11T10:00:00Z", null, null, null)), true));

        assertEquals(List.of(new FieldError("service", "is not a service in the catalog: group:streaming")),
                refused.errors());
    }

    @Test
    void timesLaterThanNowAreRefusedBeyondFiveMinutesOfClockSkew() throws Exception {
        Instant now = portal.context().clock().instant().truncatedTo(ChronoUnit.SECONDS);
        String deployment = """
                [{"id": "f-1", "service": "alpha", "environment": "production", "status": "success",
                  "startedAt": "%s", "finishedAt": "%s"}]""";

        assertEquals(1, parser.deployments(read(deployment.formatted(now.minusSeconds(60), now.plus(4,
                ChronoUnit.MINUTES)))).size(), "a sender's clock 4 minutes ahead");
        ProblemException late = assertThrows(ProblemException.class, () -> parser.deployments(read(
                deployment.formatted(now, now.plus(10, ChronoUnit.MINUTES)))));
        assertEquals(List.of("[0].finishedAt"), late.errors().stream().map(FieldError::field).toList());
        assertTrue(late.errors().get(0).reason().startsWith("must not be in the future"),
                late.errors().get(0).reason());

        ProblemException incident = assertThrows(ProblemException.class, () -> parser.incidents(List.of(
                new SentIncident("INC-9", "alpha", now.toString(), now.plus(1, ChronoUnit.HOURS).toString(), null,
                        null)), true));
        assertEquals(List.of("resolvedAt"), incident.errors().stream().map(FieldError::field).toList());
        assertEquals(1, parser.incidents(List.of(new SentIncident("INC-9", "alpha", now.toString(), null, null,
                null)), true).size(), "an incident started now and not resolved yet");
    }

    @Test
    void aServiceAddedToTheCatalogIsAcceptedAtOnceAndOneDeletedIsRefusedOnceTheCatalogIsAskedAgain() throws Exception {
        MovableClock clock = new MovableClock();
        EventParser parser = new EventParser(portal.context().catalog(), clock);
        String alpha = """
                [{"id": "k-1", "service": "alpha", "environment": "prod", "status": "success",
                  "startedAt": "2026-01-10T10:00:00Z", "finishedAt": "2026-01-10T10:05:00Z"}]""";
        String gamma = alpha.replace("alpha", "gamma");
        parser.deployments(read(alpha));
        try {
            portal.vitals().catalogSources().importText("deploys-test",
                    DeploysTestPortal.catalog().replace("name: alpha", "name: gamma"), new Actor("test", Optional.empty()));

            assertEquals("gamma", parser.deployments(read(gamma)).get(0).service(), "looked up, not known yet");
            // The importer keeps a service gone from its source, orphaned; only deleting it takes it away.
            portal.vitals().database().jdbi().useHandle(h -> h.execute(
                    "DELETE FROM core.catalog_entities WHERE ref = 'component:default/alpha'"));
            assertEquals("alpha", parser.deployments(read(alpha)).get(0).service(),
                    "within a second of the last look at the catalog's version");
            clock.moveOn(KnownServices.RECHECK);
            ProblemException refused = assertThrows(ProblemException.class, () -> parser.deployments(read(alpha)));
            assertEquals(List.of(new FieldError("[0].service", "is not a service in the catalog: alpha")),
                    refused.errors());
        } finally {
            portal.vitals().catalogSources().importText("deploys-test", DeploysTestPortal.catalog(),
                    new Actor("test", Optional.empty()));
        }
    }
}
