package dev.vitals.plugins.deploys.dora;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vitals.plugins.deploys.DeploysTestPortal;
import dev.vitals.plugins.deploys.ingest.DeploymentStore;
import dev.vitals.plugins.deploys.ingest.EnvironmentNames;
import dev.vitals.plugins.deploys.ingest.EventParser;
import dev.vitals.plugins.deploys.ingest.IncidentStore;
import dev.vitals.plugins.deploys.ingest.SentCommit;
import dev.vitals.plugins.deploys.ingest.SentDeployment;
import dev.vitals.plugins.deploys.ingest.SentIncident;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reports the signals read for many services at once are each service's own report. */
class ServiceReportsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Period MARCH = new Period(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 30), BERLIN);
    private static DeploysTestPortal portal;

    @BeforeAll
    static void start() {
        portal = DeploysTestPortal.start("Europe/Berlin", Map.of());
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    private static SentDeployment deploy(String id, String service, String status, String finishedAt,
            List<SentCommit> commits) {
        return new SentDeployment(id, service, "production", status, finishedAt, finishedAt, null, commits, null);
    }

    @Test
    void eachServicesReportReadTogetherEqualsItsReportReadAlone() {
        EventParser parser = new EventParser(portal.context().catalog());
        new DeploymentStore(portal.context().jdbi(), new EnvironmentNames(Set.of("prod"))).ingest(parser.deployments(
                List.of(deploy("a1", "alpha", "success", "2026-03-03T10:00:00Z",
                                List.of(new SentCommit("c1", "2026-03-03T08:00:00Z"))),
                        deploy("a2", "alpha", "rolled_back", "2026-03-10T10:00:00Z",
                                List.of(new SentCommit("c2", "2026-03-10T06:00:00Z"))),
                        // Before the period: counts in no report here.
                        deploy("a0", "alpha", "success", "2026-02-10T10:00:00Z", List.of()),
                        deploy("b1", "beta", "success", "2026-03-12T10:00:00Z", List.of()))), "test");
        new IncidentStore(portal.context().jdbi()).ingest(parser.incidents(List.of(
                new SentIncident("i1", "beta", "2026-03-12T11:00:00Z", "2026-03-12T14:00:00Z", null, "b1")), false),
                "test");
        DoraQuery dora = new DoraQuery(portal.context().jdbi(), DoraThresholds.DEFAULTS);

        Map<String, DoraReport> together = dora.perService(List.of("beta", "gamma", "alpha"), MARCH);

        assertEquals(List.of("beta", "gamma", "alpha"), List.copyOf(together.keySet()));
        for (String service : together.keySet()) {
            assertEquals(dora.report(Optional.of(List.of(service)), MARCH), together.get(service), service);
        }
        // alpha: two counted, one rolled back; lead times 2 h and 4 h, median 3 h.
        assertEquals(2, together.get("alpha").deployments());
        assertEquals(1, together.get("alpha").failedDeployments());
        assertEquals(3.0, together.get("alpha").leadTimeHours().getAsDouble(), 1e-9);
        // beta: one counted, failed by its incident, restored in 3 h.
        assertEquals(1, together.get("beta").failedDeployments());
        assertEquals(3.0, together.get("beta").timeToRestoreHours().getAsDouble(), 1e-9);
        assertEquals(0, together.get("gamma").deployments());
    }
}
