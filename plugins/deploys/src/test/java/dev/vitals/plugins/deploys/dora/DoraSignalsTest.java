package dev.vitals.plugins.deploys.dora;

import static dev.vitals.plugins.deploys.dora.DoraKeysTest.deploy;
import static dev.vitals.plugins.deploys.dora.DoraKeysTest.incident;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vitals.api.Job;
import dev.vitals.api.Signal;
import dev.vitals.api.SignalStatus;
import dev.vitals.plugins.deploys.DeploysTestPortal;
import dev.vitals.plugins.deploys.ingest.DeploymentStore;
import dev.vitals.plugins.deploys.ingest.EnvironmentNames;
import dev.vitals.plugins.deploys.ingest.EventParser;
import dev.vitals.plugins.deploys.ingest.IncidentStore;
import dev.vitals.plugins.deploys.ingest.SentDeployment;
import dev.vitals.plugins.deploys.ingest.SentIncident;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The hourly DORA signals go to services that have data, not to every service in the catalog. */
class DoraSignalsTest {

    @Test
    void theHourlyJobSignalsServicesWithDeploymentsOrIncidentsAndLeavesTheRestAlone() throws Exception {
        try (DeploysTestPortal portal = DeploysTestPortal.start("UTC", Map.of())) {
            var ctx = portal.context();
            EventParser parser = new EventParser(ctx.catalog());
            Instant yesterday = ctx.clock().instant().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
            // alpha: a counted deployment; beta: only a staging one; gamma: only an incident, long ago.
            SentDeployment staging = deploy("b1", "staging", "success", yesterday.toString()).withService("beta");
            new DeploymentStore(ctx.jdbi(), new EnvironmentNames(Set.of())).ingest(parser.deployments(List.of(
                    deploy("a1", "production", "success", yesterday.toString()), staging)), "test");
            SentIncident old = incident("g1", "2020-01-01T00:00:00Z", "2020-01-01T01:00:00Z", null)
                    .withService("gamma");
            new IncidentStore(ctx.jdbi()).ingest(parser.incidents(List.of(old), false), "test");

            Job hourly = portal.running().jobs().stream().filter(j -> j.name().equals("publish-dora-signals"))
                    .findFirst().orElseThrow();
            hourly.task().run();

            // One deploy in 30 days is the low frequency band.
            assertEquals(List.of(SignalStatus.WARN), dora(portal, "alpha"));
            assertEquals(List.of(), dora(portal, "beta"));
            // Its incident is outside the 30 days, so it is UNKNOWN: published, so an older verdict is replaced.
            assertEquals(List.of(SignalStatus.UNKNOWN), dora(portal, "gamma"));
        }
    }

    private static List<SignalStatus> dora(DeploysTestPortal portal, String service) {
        return portal.vitals().signals().latestFor("component:default/" + service).stream()
                .filter(s -> s.kind().equals(DoraSignals.KIND)).map(Signal::status).toList();
    }
}
