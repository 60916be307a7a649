package dev.vitals.plugins.deploys.dora;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vitals.api.EntityRef;
import dev.vitals.api.Signal;
import dev.vitals.api.SignalFilter;
import dev.vitals.api.SignalStatus;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The hourly DORA signals go to services that have data, not to every service in the catalog. */
class DoraSignalsTest {

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest().build();

    @Test
    void theHourlyJobSignalsServicesWithDeploymentsOrIncidentsAndLeavesTheRestAlone(VitalsPortal portal) {
        portal.importCatalogResource("deploys-test-catalog.yaml");
        Instant yesterday = portal.clock().instant().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        // alpha: a counted deployment; beta: only a staging one; gamma: only an incident, long ago.
        portal.admin().post("/api/deploys/events", """
                [{"id": "a1", "service": "alpha", "environment": "production", "status": "success",
                  "startedAt": "%1$s", "finishedAt": "%1$s"},
                 {"id": "b1", "service": "beta", "environment": "staging", "status": "success",
                  "startedAt": "%1$s", "finishedAt": "%1$s"}]""".formatted(yesterday)).expect(200);
        portal.admin().post("/api/deploys/incidents", """
                {"id": "g1", "service": "gamma", "startedAt": "2020-01-01T00:00:00Z",
                 "resolvedAt": "2020-01-01T01:00:00Z"}""").expect(200);

        portal.runJob("publish-dora-signals");

        // One deploy in 30 days is the low frequency band.
        assertEquals(List.of(SignalStatus.WARN), dora(portal, "alpha"));
        assertEquals(List.of(), dora(portal, "beta"));
        // Its incident is outside the 30 days, so it is UNKNOWN: published, so an older verdict is replaced.
        assertEquals(List.of(SignalStatus.UNKNOWN), dora(portal, "gamma"));
    }

    private static List<SignalStatus> dora(VitalsPortal portal, String service) {
        return portal.latestSignals(SignalFilter.about(EntityRef.of("component", service)).plugin(portal.pluginId())
                .kind(DoraSignals.KIND)).stream().map(Signal::status).toList();
    }
}
