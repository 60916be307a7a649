package dev.vitals.plugins.slo.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.ProblemException;
import dev.vitals.plugins.slo.SloStores;
import dev.vitals.plugins.slo.alerts.AlertEvent;
import dev.vitals.plugins.slo.api.StatusJson;
import dev.vitals.plugins.slo.objectives.BudgetingMethod;
import dev.vitals.plugins.slo.objectives.Slo;
import dev.vitals.plugins.slo.objectives.SloWindow;
import dev.vitals.plugins.slo.review.MonthlyReview;
import dev.vitals.plugins.slo.samples.Counts;
import dev.vitals.plugins.slo.samples.MinuteRetention;
import dev.vitals.plugins.slo.samples.Sample;
import dev.vitals.plugins.slo.samples.TimeRange;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Status computations against a real database, each expected value worked out by hand in the comments. */
class SloStatusTest {

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .environment("VITALS_TIMEZONE", "Europe/Berlin")
            .build();

    private static final double EPS = 1e-9;
    private static final Instant T = Instant.parse("2026-11-01T12:00:00Z");
    private static SloStores plugin;

    @BeforeAll
    static void start(VitalsPortal portal) {
        plugin = SloStores.of(portal, ZoneId.of("Europe/Berlin"));
        // Some cases store minutes from months ago, which the retention job would prune.
        portal.awaitJobRun("prune-minute-data");
    }

    private static Slo slo(String name, double objective, SloWindow window, BudgetingMethod method,
            OptionalDouble threshold) {
        return plugin.create(name, objective, window, method, threshold, T);
    }

    private static Sample events(String slo, Instant minute, long good, long total) {
        return new Sample(slo, minute, good, total, null);
    }

    @Test
    void occurrencesOverARollingWindowCountMinutesStartingInTheHalfOpenWindow() {
        Slo slo = slo("rolling", 0.999, SloWindow.ROLLING_30D, BudgetingMethod.OCCURRENCES, OptionalDouble.empty());
        plugin.samples().store(List.of(
                events("rolling", T.minus(Duration.ofMinutes(1)), 990, 1000),
                events("rolling", T.minus(Duration.ofMinutes(10)), 1000, 1000),
                events("rolling", T.minus(Duration.ofHours(3)), 980, 1000),
                events("rolling", T.minus(Duration.ofDays(2)), 900, 1000),
                events("rolling", T.minus(Duration.ofDays(30)), 1000, 1000),           // first minute: in
                events("rolling", T.minus(Duration.ofDays(30)).minusSeconds(60), 0, 1000), // before: out
                events("rolling", T, 0, 1000)));                                          // at T: out

        SloStatus status = plugin.evaluator().status(slo, T);

        // 4870 good of 5000: attainment 0.974; consumed 0.026 / 0.001 = 26; remaining −25.
        assertEquals(new Counts(4870, 5000), status.window());
        assertEquals(0.974, status.attainment().getAsDouble(), EPS);
        assertEquals(26, status.budget().orElseThrow().consumed(), 1e-6);
        assertEquals(-25, status.budget().orElseThrow().remaining(), 1e-6);
        // 5m: 10/1000 → 10; 30m, 1h, 2h: 10/2000 → 5; 6h, 1d: 30/3000 → 10; 3d: 130/4000 → 32.5.
        Map<String, OptionalDouble> burn = status.burnRates();
        assertEquals(List.of("5m", "30m", "1h", "2h", "6h", "1d", "3d"), new ArrayList<>(burn.keySet()));
        double[] expected = {10, 5, 5, 5, 10, 10, 32.5};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], new ArrayList<>(burn.values()).get(i).getAsDouble(), 1e-6);
        }
        // page 1h&5m: 5 and 10 ≤ 14.4; page 6h&30m: 10 > 6 but 5 ≤ 6; ticket 1d&2h: 10 and 5 > 3; 3d&6h: > 1.
        assertEquals(List.of(false, false, true, true), status.alerts().stream().map(AlertState::firing).toList());
        assertFalse(status.paging());
        assertTrue(status.ticketing());
        assertTrue(status.budgetRunsOutAt().isEmpty(), "a spent budget has no run-out date");
        assertEquals(dev.vitals.api.SignalStatus.CRITICAL, BudgetPolicy.of(status).status());
    }

    @Test
    void aWindowWithoutEventsHasNoDataRatherThanFullAttainment() {
        Slo slo = slo("silent", 0.999, SloWindow.ROLLING_30D, BudgetingMethod.OCCURRENCES, OptionalDouble.empty());
        plugin.samples().store(List.of(events("silent", T.minus(Duration.ofDays(31)), 10, 10),
                events("silent", T.minus(Duration.ofHours(1)), 0, 0)));

        StatusJson json = StatusJson.of(plugin.evaluator().status(slo, T));

        assertNull(json.attainment());
        assertEquals(new StatusJson.Budget(null, null, Optional.empty()), json.errorBudget());
        assertTrue(json.burnRates().values().stream().allMatch(v -> v == null));
        assertTrue(json.alerts().stream().noneMatch(StatusJson.Alert::firing));
        assertEquals(dev.vitals.api.SignalStatus.UNKNOWN,
                BudgetPolicy.of(plugin.evaluator().status(slo, T)).status());
    }

    @Test
    void theBudgetRunsOutWhenTheOneDayBurnRateWouldSpendWhatIsLeft() {
        Slo slo = slo("forecast", 0.99, SloWindow.ROLLING_30D, BudgetingMethod.OCCURRENCES, OptionalDouble.empty());
        plugin.samples().store(List.of(events("forecast", T.minus(Duration.ofHours(1)), 995, 1000)));

        SloStatus status = plugin.evaluator().status(slo, T);

        // attainment 0.995; consumed 0.005 / 0.01 = 0.5; 1-day burn 0.5: 0.5 of a 30-day budget lasts 0.5 × 30 / 0.5.
        assertEquals(0.5, status.budget().orElseThrow().remaining(), 1e-9);
        assertEquals(0.5, status.burnRates().get("1d").getAsDouble(), 1e-9);
        assertEquals(Optional.of(T.plus(Duration.ofDays(30))), status.budgetRunsOutAt());
        assertEquals(dev.vitals.api.SignalStatus.OK, BudgetPolicy.of(status).status());
    }

    @Test
    void timeslicesCountAMinuteGoodWhenItsValueIsAtMostTheThreshold() {
        Slo slo = slo("latency", 0.99, SloWindow.ROLLING_7D, BudgetingMethod.TIMESLICES, OptionalDouble.of(300));
        plugin.samples().store(List.of(
                new Sample("latency", T.minus(Duration.ofMinutes(1)), null, null, 350.0),
                new Sample("latency", T.minus(Duration.ofMinutes(2)), null, null, 300.0),
                new Sample("latency", T.minus(Duration.ofMinutes(3)), null, null, 100.0)));

        SloStatus status = plugin.evaluator().status(slo, T);

        // 2 good minutes of 3; consumed (1/3) / 0.01 = 33.3…; burn over 5m the same.
        assertEquals(new Counts(2, 3), status.window());
        assertEquals(100.0 / 3, status.budget().orElseThrow().consumed(), 1e-9);
        assertEquals(100.0 / 3, status.burnRates().get("5m").getAsDouble(), 1e-9);
        // The 7-day page alert's windows are 14m and 1m; the 1m window holds the bad minute: burn 100 > 14.4.
        assertTrue(status.alerts().get(0).firing());
        assertTrue(status.paging());
    }

    @Test
    void aCalendarMonthInTheOrgZoneStartsAtLocalMidnightOnTheFirst() {
        Slo slo = slo("monthly", 0.9, SloWindow.CALENDAR_MONTH, BudgetingMethod.OCCURRENCES, OptionalDouble.empty());
        Instant at = Instant.parse("2026-03-15T00:00:00Z");
        plugin.samples().store(List.of(
                events("monthly", Instant.parse("2026-02-28T22:59:00Z"), 0, 100),   // 23:59 on 28 Feb in Berlin
                events("monthly", Instant.parse("2026-02-28T23:00:00Z"), 95, 100),  // 00:00 on 1 March in Berlin
                events("monthly", Instant.parse("2026-03-14T23:59:00Z"), 90, 100)));

        SloStatus status = plugin.evaluator().status(slo, at);

        // 185 of 200: attainment 0.925; consumed 0.075 / 0.1 = 0.75.
        assertEquals(Instant.parse("2026-02-28T23:00:00Z"), status.windowStart());
        assertEquals(new Counts(185, 200), status.window());
        assertEquals(0.75, status.budget().orElseThrow().consumed(), 1e-9);
        assertEquals(dev.vitals.api.SignalStatus.WARN, BudgetPolicy.of(status).status());
    }

    @Test
    void replayingABatchAddsNothingAndOtherNumbersForAStoredMinuteRefuseTheWholeBatch() {
        slo("ingest", 0.999, SloWindow.ROLLING_30D, BudgetingMethod.OCCURRENCES, OptionalDouble.empty());
        List<Sample> batch = List.of(events("ingest", T.minus(Duration.ofMinutes(2)), 9, 10),
                events("ingest", T.minus(Duration.ofMinutes(1)), 10, 10));
        assertEquals(2, plugin.samples().store(batch));
        assertEquals(0, plugin.samples().store(batch));

        ProblemException conflict = assertThrows(ProblemException.class, () -> plugin.samples().store(List.of(
                events("ingest", T, 5, 5),
                events("ingest", T.minus(Duration.ofMinutes(1)), 9, 10))));
        assertEquals(409, conflict.status());
        ProblemException twiceInOneBatch = assertThrows(ProblemException.class, () -> plugin.samples().store(List.of(
                events("ingest", T.plusSeconds(60), 5, 5), events("ingest", T.plusSeconds(60), 4, 5))));
        assertEquals(409, twiceInOneBatch.status());

        Slo slo = plugin.slos().find("ingest").orElseThrow();
        assertEquals(new Counts(19, 20), plugin.evaluator().status(slo, T.plus(Duration.ofMinutes(5))).window());
    }

    @Test
    void theMonthlyReviewJudgesEachCalendarMonthInTheOrgZoneAndComparesItWithTheMonthBefore() {
        Slo slo = slo("review", 0.99, SloWindow.CALENDAR_MONTH, BudgetingMethod.OCCURRENCES, OptionalDouble.empty());
        plugin.samples().store(List.of(
                events("review", Instant.parse("2026-09-30T21:59:00Z"), 0, 100),   // 23:59 on 30 Sep in Berlin
                events("review", Instant.parse("2026-09-30T22:00:00Z"), 995, 1000), // 00:00 on 1 Oct in Berlin
                events("review", Instant.parse("2026-10-31T22:59:00Z"), 980, 1000), // 23:59 on 31 Oct (CET again)
                events("review", Instant.parse("2026-10-31T23:00:00Z"), 0, 7)));     // 00:00 on 1 Nov

        MonthlyReview review = MonthlyReview.of(java.time.YearMonth.of(2026, 10), List.of(slo), plugin.samples(),
                plugin.alerts(), java.time.ZoneId.of("Europe/Berlin"));

        MonthlyReview.Line line = review.lines().get(0);
        // October: 1975 of 2000 = 98.75 %, missed; used (0.0125) / 0.01 = 125 %. September: 0 of 100.
        assertEquals(new Counts(1975, 2000), line.monthly().get(0));
        assertEquals(new Counts(0, 100), line.monthly().get(1));
        assertEquals("missed", line.compliance(0));
        assertEquals("125.0 %", line.budgetUsed(0));
        assertEquals("better", line.trend());
        assertEquals("no data", line.compliance(2));
        assertEquals("""
                slo,owner,team,objective,month,attainment,compliance,budget_used,alerts_fired
                review,billing-api,payments,0.99,2026-10,0.987500,missed,1.250000,0
                review,billing-api,payments,0.99,2026-09,0.000000,missed,100.000000,0
                review,billing-api,payments,0.99,2026-08,,no data,,0
                review,billing-api,payments,0.99,2026-07,,no data,,0
                """, review.csv());
    }

    @Test
    void anAlertOpensOnceWhileItFiresAndResolvesWhenItsConditionStopsHolding() {
        Slo slo = slo("alerting", 0.999, SloWindow.ROLLING_30D, BudgetingMethod.OCCURRENCES, OptionalDouble.empty());
        // Half the requests fail for the last hour: every burn rate up to 1h is 500.
        List<Sample> burst = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            burst.add(events("alerting", T.minus(Duration.ofMinutes(i)), 50, 100));
        }
        plugin.samples().store(burst);

        plugin.alerts().recordAll(List.of(plugin.evaluator().status(slo, T)));
        plugin.alerts().recordAll(List.of(plugin.evaluator().status(slo, T.plusSeconds(60))));
        List<AlertEvent> firing = plugin.alerts().latest("alerting", 10);
        // 1h&5m > 14.4 and 6h&30m > 6 page; 1d&2h > 3 and 3d&6h > 1 ticket: four alerts, each opened once.
        assertEquals(4, firing.size());
        assertTrue(firing.stream().allMatch(e -> e.resolvedAt().isEmpty() && e.startedAt().equals(T)));

        // Ten minutes later the 5-minute window is empty, so the fast page alert resolves; the others still hold.
        Instant later = T.plus(Duration.ofMinutes(10));
        plugin.alerts().recordAll(List.of(plugin.evaluator().status(slo, later)));
        List<AlertEvent> after = plugin.alerts().latest("alerting", 10);
        assertEquals(List.of(Optional.of(later)), after.stream().filter(e -> e.rule().equals("1h&5m>14.4"))
                .map(AlertEvent::resolvedAt).toList());
        assertEquals(3, after.stream().filter(e -> e.resolvedAt().isEmpty()).count());
        assertEquals(Map.of("alerting", 4), plugin.alerts().startedBetween(T, later));
    }

    @Test
    void minutesOlderThanTheLongestLookBackAreDroppedAndNewerOnesKept() {
        Slo slo = slo("retained", 0.99, SloWindow.CALENDAR_QUARTER, BudgetingMethod.OCCURRENCES,
                OptionalDouble.empty());
        Instant cutoff = T.minus(MinuteRetention.KEEP);
        plugin.samples().store(List.of(events("retained", cutoff.minusSeconds(60), 1, 1),
                events("retained", cutoff, 1, 1)));

        plugin.retention().prune(T);

        assertEquals(new Counts(1, 1), plugin.samples().counts(slo, List.of(new TimeRange(Instant.EPOCH, T))).get(0));
    }
}
