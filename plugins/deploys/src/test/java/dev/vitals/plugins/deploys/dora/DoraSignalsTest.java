package dev.vitals.plugins.deploys.dora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.vitals.api.EntityRef;
import dev.vitals.api.PluginUrls;
import dev.vitals.api.Signal;
import dev.vitals.api.SignalFilter;
import dev.vitals.api.SignalStatus;
import dev.vitals.api.SignalVerdict;
import dev.vitals.api.Signals;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The hourly DORA signals go to services that have data, not to every service in the catalog; the refresh after an
 * ingest publishes only what changed.
 */
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

    @Test
    void theRefreshAfterAnIngestPublishesOnlyVerdictsThatChanged(VitalsPortal portal) {
        portal.importCatalogResource("deploys-test-catalog.yaml");
        Instant yesterday = portal.clock().instant().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        List<SignalVerdict> published = new ArrayList<>();
        // The catalog is read only by publishAll, which this test does not call.
        DoraSignals signals = new DoraSignals(new DoraQuery(portal.pluginJdbi(), DoraThresholds.DEFAULTS),
                DoraThresholds.DEFAULTS, new Recording(published), new PluginUrls(portal.pluginId()), null,
                portal.clock(), ZoneOffset.UTC);
        portal.admin().post("/api/deploys/events", deployment("refresh-1", yesterday)).expect(202);
        portal.runJob("apply-waiting-deployments");
        signals.publishChanged(List.of("alpha"));
        assertEquals(1, published.size());

        // Years ago: outside the 30 days, so alpha's verdict is what was published.
        portal.admin().post("/api/deploys/events", deployment("refresh-2", Instant.parse("2020-01-01T00:00:00Z")))
                .expect(202);
        portal.runJob("apply-waiting-deployments");
        signals.publishChanged(List.of("alpha"));
        assertEquals(1, published.size());

        // One more in the 30 days: the summary counts it, so it is published.
        portal.admin().post("/api/deploys/events", deployment("refresh-3", yesterday)).expect(202);
        portal.runJob("apply-waiting-deployments");
        signals.publishChanged(List.of("alpha"));
        assertEquals(2, published.size());
        assertNotEquals(published.get(0).summary(), published.get(1).summary());

        // The hourly publication publishes every verdict, changed or not.
        signals.publish(List.of("alpha"));
        assertEquals(3, published.size());
        assertEquals(published.get(1), published.get(2));
    }

    @Test
    void onlyAChangeReachingIntoTheJudgedDaysOrAServiceWithoutAVerdictYetIsRefreshed(VitalsPortal portal) {
        portal.importCatalogResource("deploys-test-catalog.yaml");
        Instant now = portal.clock().instant();
        DoraSignals signals = new DoraSignals(new DoraQuery(portal.pluginJdbi(), DoraThresholds.DEFAULTS),
                DoraThresholds.DEFAULTS, new Recording(new ArrayList<>()), new PluginUrls(portal.pluginId()), null,
                portal.clock(), ZoneOffset.UTC);
        Instant longAgo = now.minus(40, ChronoUnit.DAYS);
        Instant inWindow = now.minus(29, ChronoUnit.DAYS);
        // No verdict published yet: every service gets its first, however old its change.
        assertEquals(List.of("alpha"), signals.mayMove(Map.of("alpha", longAgo)));

        portal.admin().post("/api/deploys/events", deployment("move-1", now.minus(1, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.SECONDS))).expect(202);
        portal.runJob("apply-waiting-deployments");
        signals.publish(List.of("alpha"));
        assertEquals(List.of(), signals.mayMove(Map.of("alpha", longAgo)), "a backfill older than the window");
        assertEquals(List.of("alpha"), signals.mayMove(Map.of("alpha", inWindow)));
        assertEquals(List.of("alpha"), signals.mayMove(Map.of("alpha", now.minus(30, ChronoUnit.DAYS))),
                "within a day before the window, for zones whose midnight is earlier");
        assertEquals(List.of(), signals.mayMove(Map.of("alpha", now.minus(32, ChronoUnit.DAYS))));
        assertEquals(List.of("alpha"), signals.mayMove(Map.of("alpha", Instant.MAX)), "a change of unknown reach");
    }

    private static String deployment(String id, Instant at) {
        return """
                [{"id": "%s", "service": "alpha", "environment": "production", "status": "success",
                  "startedAt": "%2$s", "finishedAt": "%2$s"}]""".formatted(id, at);
    }

    /** The signals host as far as this plugin's output goes: what it was given, in order. */
    private record Recording(List<SignalVerdict> published) implements Signals {

        @Override
        public List<Signal> publishAll(List<SignalVerdict> verdicts) {
            published.addAll(verdicts);
            return List.of();
        }

        @Override
        public Signal publish(EntityRef subject, String kind, SignalStatus status, String summary,
                OptionalDouble value, Optional<String> link) {
            throw new UnsupportedOperationException("verdicts go out together");
        }

        @Override
        public List<Signal> latest(SignalFilter filter) {
            return List.of();
        }

        @Override
        public List<Signal> history(SignalFilter filter, Instant from, Instant to, int limit) {
            return List.of();
        }
    }

    private static List<SignalStatus> dora(VitalsPortal portal, String service) {
        return portal.latestSignals(SignalFilter.about(EntityRef.of("component", service)).plugin(portal.pluginId())
                .kind(DoraSignals.KIND)).stream().map(Signal::status).toList();
    }
}
