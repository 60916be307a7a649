package dev.vitals.plugins.deploys.dora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.EntityRef;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The four keys against numbers worked out by hand, in the org zone Europe/Berlin (CET +1, CEST +2 from
 * 2026-03-29 02:00 local).
 */
class DoraKeysTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static DeploysTestPortal portal;
    private static EventParser parser;
    private static DeploymentStore deployments;
    private static IncidentStore incidents;
    private static DoraQuery dora;

    @BeforeAll
    static void start() {
        portal = DeploysTestPortal.start("Europe/Berlin", Map.of());
        parser = new EventParser(portal.context().catalog());
        deployments = new DeploymentStore(portal.context().jdbi(), new EnvironmentNames(java.util.Set.of("prod")));
        incidents = new IncidentStore(portal.context().jdbi());
        dora = new DoraQuery(portal.context().jdbi(), DoraThresholds.DEFAULTS);
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @BeforeEach
    void empty() {
        portal.clear();
    }

    /** A deployment event of alpha as JSON would carry it; commits as sha, committedAt pairs. */
    static SentDeployment deploy(String id, String environment, String status, String finishedAt,
            String... commits) {
        List<SentCommit> shipped = new ArrayList<>();
        for (int i = 0; i < commits.length; i += 2) {
            shipped.add(new SentCommit(commits[i], commits[i + 1]));
        }
        return new SentDeployment(id, "alpha", environment, status, finishedAt, finishedAt, null, shipped, null);
    }

    static SentIncident incident(String id, String startedAt, String resolvedAt, String deployment) {
        return new SentIncident(id, "alpha", startedAt, resolvedAt, null, deployment);
    }

    private static void store(List<SentDeployment> deploys, List<SentIncident> incidentRows) {
        deployments.ingest(parser.deployments(deploys), "test");
        incidents.ingest(parser.incidents(incidentRows, false), "test");
    }

    private static DoraReport alpha(LocalDate from, LocalDate to) {
        return dora.report(Optional.of(List.of("alpha")), new Period(from, to, BERLIN));
    }

    @Test
    void fourWeeksOfMarchGiveTheHandComputedKeysIncludingLocalMidnightAndTheDaylightSavingChange() {
        store(List.of(
                // Before the period: ships c5 first, so c5 never counts again.
                deploy("d0", "production", "success", "2026-02-20T10:00:00Z", "c5", "2026-02-19T10:00:00Z"),
                // 23:30 UTC on 1 March is 00:30 on 2 March in Berlin: inside the period, on the 2nd.
                deploy("d1", "production", "success", "2026-03-01T23:30:00Z"),
                deploy("d2", "production", "success", "2026-03-02T10:00:00Z",
                        "c1", "2026-03-01T10:00:00Z", "c2", "2026-03-02T08:00:00Z"),
                deploy("d3", "production", "success", "2026-03-03T10:00:00Z",
                        "c2", "2026-03-02T08:00:00Z", "c3", "2026-03-03T06:00:00Z"),
                deploy("d4", "production", "success", "2026-03-04T10:00:00Z", "c5", "2026-02-19T10:00:00Z"),
                // Rolled back: counted, and failed. Its commit is newer than the deployment: dropped.
                deploy("d5", "production", "rolled_back", "2026-03-10T10:00:00Z", "c4", "2026-03-10T12:00:00Z"),
                // Not counted: a failure, and a staging deployment.
                deploy("d6", "production", "failure", "2026-03-17T10:00:00Z", "c6", "2026-03-17T09:00:00Z"),
                deploy("d7", "staging", "success", "2026-03-18T10:00:00Z"),
                // c6 first reaches production here, 144 hours after its commit.
                deploy("d8", "production", "success", "2026-03-23T10:00:00Z", "c6", "2026-03-17T10:00:00Z"),
                // 'prod' is an alias of production.
                deploy("d9", "prod", "success", "2026-03-27T10:00:00Z"),
                // 21:30 UTC on 29 March is 23:30 CEST: still the 29th. 22:30 UTC is 00:30 on the 30th: outside.
                deploy("d10", "production", "success", "2026-03-29T21:30:00Z"),
                deploy("d11", "production", "success", "2026-03-29T22:30:00Z")),
                List.of(
                        incident("i1", "2026-03-05T10:00:00Z", "2026-03-05T12:00:00Z", null),
                        incident("i2", "2026-03-20T00:00:00Z", "2026-03-21T06:00:00Z", null),
                        // Named cause: d8 counts as failed. Restored in 1 hour.
                        incident("i3", "2026-03-23T12:00:00Z", "2026-03-23T13:00:00Z", "d8"),
                        // Names an uncounted deployment: changes no rate.
                        incident("i4", "2026-03-17T10:00:00Z", "2026-03-17T10:30:00Z", "d6"),
                        // Resolved before the period, still open, and resolved at 01:00 CEST on the 30th.
                        incident("i5", "2026-02-27T10:00:00Z", "2026-03-01T10:00:00Z", null),
                        incident("i6", "2026-03-25T10:00:00Z", null, null),
                        incident("i7", "2026-03-29T20:00:00Z", "2026-03-29T23:00:00Z", null)));

        DoraReport report = alpha(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 30));

        // Counted: d1 d2 d3 d4 d5 d8 d9 d10 = 8 over 28 days.
        assertEquals(8, report.deployments());
        assertEquals(2.0, report.perWeek().getAsDouble(), 1e-12);
        // Deploy-days per ISO week: 2-8 Mar {2,3,4} = 3, 9-15 {10} = 1, 16-22 none = 0, 23-29 {23,27,29} = 3.
        assertEquals(Map.of(LocalDate.of(2026, 3, 2), 3, LocalDate.of(2026, 3, 9), 1, LocalDate.of(2026, 3, 16), 0,
                LocalDate.of(2026, 3, 23), 3), report.deployDaysPerWeek());
        // Median of 0 1 3 3 is (1 + 3) / 2.
        assertEquals(2.0, report.medianDeployDaysPerWeek().getAsDouble());
        assertEquals(7.0, report.medianDeployDaysPerMonth().getAsDouble());
        assertEquals(Optional.of(Band.HIGH), report.frequencyBand());
        // Lead times: c1 24 h, c2 2 h (at d2 only), c3 4 h, c6 144 h; c4 dropped, c5 first shipped before.
        // Median of 2 4 24 144 is (4 + 24) / 2 = 14.
        assertEquals(14.0, report.leadTimeHours().getAsDouble(), 1e-9);
        assertEquals(Optional.of(Band.ELITE), report.leadTimeBand());
        // Failed: d5 rolled back, d8 named by i3. 2 of 8.
        assertEquals(2, report.failedDeployments());
        assertEquals(0.25, report.changeFailureRate().getAsDouble(), 1e-12);
        assertEquals(Optional.of(Band.LOW), report.changeFailureRateBand());
        // Resolved in the period: i1 2 h, i2 30 h, i3 1 h, i4 0.5 h. Median of 0.5 1 2 30 is 1.5.
        assertEquals(4, report.incidentsResolved());
        assertEquals(1.5, report.timeToRestoreHours().getAsDouble(), 1e-9);
        assertEquals(Optional.of(Band.HIGH), report.timeToRestoreBand());
    }

    @Test
    void aLeapDayIsItsOwnDateAndCountsInLeadTimeAndMonthsMakeTheMediumBand() {
        store(List.of(
                deploy("l1", "production", "success", "2024-02-29T10:00:00Z"),
                deploy("l2", "production", "success", "2024-03-01T10:00:00Z", "k1", "2024-02-28T10:00:00Z"),
                deploy("l3", "production", "success", "2024-03-15T10:00:00Z")), List.of());

        DoraReport report = alpha(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 4, 1));

        // 29 + 31 days; 3 deployments.
        assertEquals(3 * 7 / 60.0, report.perWeek().getAsDouble(), 1e-12);
        // Nine ISO weeks from Monday 29 January to Monday 25 March; deploy-days 0 0 0 0 2 0 1 0 0.
        assertEquals(9, report.deployDaysPerWeek().size());
        assertEquals(2, report.deployDaysPerWeek().get(LocalDate.of(2024, 2, 26)));
        assertEquals(0.0, report.medianDeployDaysPerWeek().getAsDouble());
        // February 1 deploy-day (the 29th), March 2: median 1.5.
        assertEquals(1.5, report.medianDeployDaysPerMonth().getAsDouble());
        assertEquals(Optional.of(Band.MEDIUM), report.frequencyBand());
        // 28 February to 1 March 2024 is 48 hours, the leap day between.
        assertEquals(48.0, report.leadTimeHours().getAsDouble(), 1e-9);
        assertEquals(Optional.of(Band.HIGH), report.leadTimeBand());
        assertEquals(0.0, report.changeFailureRate().getAsDouble());
        assertEquals(Optional.of(Band.ELITE), report.changeFailureRateBand());
    }

    @Test
    void everyMonthThatOverlapsThePeriodCountsSoOneDeployInFourMonthsIsLow() {
        store(List.of(deploy("m1", "production", "success", "2024-02-10T10:00:00Z")), List.of());

        DoraReport report = alpha(LocalDate.of(2024, 1, 15), LocalDate.of(2024, 4, 15));

        // January, February, March, April: 0 1 0 0, median 0.
        assertEquals(0.0, report.medianDeployDaysPerMonth().getAsDouble());
        assertEquals(Optional.of(Band.LOW), report.frequencyBand());
    }

    @Test
    void aCommitCountsAtItsFirstCountedDeploymentEvenWhenThatIsBeforeThePeriod() {
        store(List.of(
                deploy("f1", "production", "success", "2026-01-05T10:00:00Z", "x", "2026-01-05T09:00:00Z"),
                deploy("f2", "production", "success", "2026-02-05T10:00:00Z", "x", "2026-01-05T09:00:00Z")),
                List.of());

        DoraReport report = alpha(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1));

        assertEquals(1, report.deployments());
        assertEquals(OptionalDouble.empty(), report.leadTimeHours());
        assertEquals(Optional.empty(), report.leadTimeBand());
    }

    @Test
    void withoutDataEveryKeyIsEmptyNotZero() {
        store(List.of(deploy("s1", "staging", "success", "2026-03-03T10:00:00Z")), List.of());

        DoraReport report = alpha(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 30));

        assertEquals(0, report.deployments());
        assertTrue(report.empty());
        assertEquals(OptionalDouble.empty(), report.perWeek());
        assertEquals(OptionalDouble.empty(), report.medianDeployDaysPerWeek());
        assertEquals(Optional.empty(), report.frequencyBand());
        assertEquals(OptionalDouble.empty(), report.changeFailureRate());
        assertEquals(OptionalDouble.empty(), report.timeToRestoreHours());
        assertEquals(Optional.empty(), report.timeToRestoreBand());
    }

    @Test
    void aTeamCoversOnlyTheServicesItOwns() {
        SentDeployment alpha = deploy("t1", "production", "success", "2026-03-03T10:00:00Z");
        SentDeployment gamma = deploy("t2", "production", "success", "2026-03-04T10:00:00Z").withService("gamma");
        store(List.of(alpha, gamma), List.of());
        List<String> streaming = portal.context().catalog().servicesOf(EntityRef.of("group", "streaming")).stream()
                .map(e -> e.name()).sorted().toList();

        DoraReport team = dora.report(Optional.of(streaming),
                new Period(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 9), BERLIN));
        DoraReport org = dora.report(Optional.empty(),
                new Period(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 9), BERLIN));

        assertEquals(List.of("alpha", "beta"), streaming);
        assertEquals(1, team.deployments());
        assertEquals(2, org.deployments());
    }
}
