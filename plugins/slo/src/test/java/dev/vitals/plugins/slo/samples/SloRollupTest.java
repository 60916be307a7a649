package dev.vitals.plugins.slo.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vitals.api.ProblemException;
import dev.vitals.plugins.slo.SloStores;
import dev.vitals.plugins.slo.objectives.BudgetingMethod;
import dev.vitals.plugins.slo.objectives.Slo;
import dev.vitals.plugins.slo.objectives.SloWindow;
import dev.vitals.plugins.slo.status.AlertState;
import dev.vitals.plugins.slo.status.BurnRateAlert;
import dev.vitals.plugins.slo.status.SloEvaluator;
import dev.vitals.plugins.slo.status.SloStatus;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Windows read from the hourly and daily rollups plus their edge minutes count exactly what the minutes count.
 *
 * <p>The hand-computed cases store marker minutes whose totals are distinct powers of two, so a sum names exactly the
 * minutes it took in. The others compare with a count over the minute rows themselves.
 */
class SloRollupTest {

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .environment("VITALS_TIMEZONE", "Europe/Berlin")
            .build();

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static SloStores plugin;

    @BeforeAll
    static void start(VitalsPortal portal) {
        plugin = SloStores.of(portal, ZoneId.of("Europe/Berlin"));
        portal.awaitJobRun("prune-minute-data");
    }

    private static Slo slo(String name, SloWindow window, BudgetingMethod method, OptionalDouble threshold) {
        return plugin.create(name, 0.99, window, method, threshold,
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** Marker {@code k}: no good events of 2^k. */
    private static Sample marker(String slo, String minute, int k) {
        return new Sample(slo, Instant.parse(minute), 0L, 1L << k, null);
    }

    private static Counts minuteCounts(Slo slo, TimeRange range) {
        String sums = slo.method() == BudgetingMethod.OCCURRENCES
                ? "coalesce(sum(good), 0) AS good, coalesce(sum(total), 0) AS total"
                : "count(*) FILTER (WHERE value <= (SELECT slice_threshold FROM slos WHERE name = :slo)) AS good, "
                        + "count(*) AS total";
        return plugin.jdbi().withHandle(h -> h.createQuery("SELECT " + sums
                        + " FROM samples WHERE slo = :slo AND minute >= :from AND minute < :to")
                .bind("slo", slo.name()).bind("from", SampleRepository.utc(range.from()))
                .bind("to", SampleRepository.utc(range.to()))
                .map((rs, ctx) -> new Counts(rs.getLong("good"), rs.getLong("total"))).one());
    }

    /** @return how many hour or day buckets disagree with the sums of their minutes */
    private static long rollupsOutOfStep() {
        return plugin.jdbi().withHandle(h -> h.createQuery("""
                WITH hours AS (
                    SELECT a.slo, date_trunc('hour', a.minute, 'UTC') AS at, coalesce(sum(a.good), 0) AS good,
                           coalesce(sum(a.total), 0) AS total, count(*)::int AS minutes,
                           (count(*) FILTER (WHERE a.value <= s.slice_threshold))::int AS slice_good
                    FROM samples a JOIN slos s ON s.name = a.slo GROUP BY 1, 2),
                days AS (
                    SELECT a.slo, date_trunc('day', a.minute, 'UTC') AS at, coalesce(sum(a.good), 0) AS good,
                           coalesce(sum(a.total), 0) AS total, count(*)::int AS minutes,
                           (count(*) FILTER (WHERE a.value <= s.slice_threshold))::int AS slice_good
                    FROM samples a JOIN slos s ON s.name = a.slo GROUP BY 1, 2),
                stored_hours AS (SELECT slo, hour AS at, good, total, minutes, slice_good FROM sample_hours),
                stored_days AS (SELECT slo, day AS at, good, total, minutes, slice_good FROM sample_days)
                SELECT (SELECT count(*) FROM (SELECT * FROM hours EXCEPT SELECT * FROM stored_hours) x)
                     + (SELECT count(*) FROM (SELECT * FROM stored_hours EXCEPT SELECT * FROM hours) x)
                     + (SELECT count(*) FROM (SELECT * FROM days EXCEPT SELECT * FROM stored_days) x)
                     + (SELECT count(*) FROM (SELECT * FROM stored_days EXCEPT SELECT * FROM days) x)""")
                .mapTo(Long.class).one());
    }

    @Test
    void aRollingWindowWhoseEdgesFallInTheMiddleOfHoursCountsTheSameMinutesAsTheMinuteRows() {
        Slo slo = slo("mid-hour", SloWindow.ROLLING_30D, BudgetingMethod.OCCURRENCES, OptionalDouble.empty());
        plugin.samples().store(List.of(
                marker("mid-hour", "2026-10-21T12:00:00Z", 0),  // same UTC hour as the start, before it: out
                marker("mid-hour", "2026-10-21T12:17:00Z", 1),  // starts before T − 30d = 12:17:30: out
                marker("mid-hour", "2026-10-21T12:18:00Z", 2),  // first minute in
                marker("mid-hour", "2026-10-21T13:00:00Z", 3),  // in
                marker("mid-hour", "2026-10-21T00:00:00Z", 4),  // same UTC day as the start, before it: out
                marker("mid-hour", "2026-10-22T00:00:00Z", 5),  // in
                marker("mid-hour", "2026-11-20T00:00:00Z", 6),  // in
                marker("mid-hour", "2026-11-20T11:59:00Z", 7),  // in
                marker("mid-hour", "2026-11-20T12:00:00Z", 8),  // in
                marker("mid-hour", "2026-11-20T12:17:00Z", 9),  // starts before T: in
                marker("mid-hour", "2026-11-20T12:18:00Z", 10), // after T, same hour: out
                marker("mid-hour", "2026-11-20T23:59:00Z", 11))); // after T, same UTC day: out
        Instant at = Instant.parse("2026-11-20T12:17:30Z");

        SloStatus status = plugin.evaluator().status(slo, at);

        // In: 2^2 + 2^3 + 2^5 + 2^6 + 2^7 + 2^8 + 2^9 = 4 + 8 + 32 + 64 + 128 + 256 + 512 = 1004.
        assertEquals(new Counts(0, 1004), status.window());
        assertEquals(minuteCounts(slo, new TimeRange(status.windowStart(), at)), status.window());
        // 5m holds 12:13–12:17: only 2^9; 1h holds 11:18–12:17: 2^7 + 2^8 + 2^9; 1d adds 2^6.
        List<Counts> burn = plugin.samples().counts(slo, List.of(new TimeRange(at.minus(Duration.ofMinutes(5)), at),
                new TimeRange(at.minus(Duration.ofHours(1)), at), new TimeRange(at.minus(Duration.ofDays(1)), at)));
        assertEquals(List.of(new Counts(0, 512), new Counts(0, 896), new Counts(0, 960)), burn);
        assertEquals(0, rollupsOutOfStep());
    }

    @Test
    void theLocalDayOfTheAutumnDstChangeInBerlinHas25HoursAndCountsExactly() {
        Slo slo = slo("dst", SloWindow.CALENDAR_MONTH, BudgetingMethod.OCCURRENCES, OptionalDouble.empty());
        // 25 Oct 2026 in Berlin runs from 00:00 CEST (24 Oct 22:00Z) to 00:00 CET (25 Oct 23:00Z): 25 hours.
        plugin.samples().store(List.of(
                marker("dst", "2026-10-24T21:59:00Z", 0), // 23:59 CEST on the 24th: out
                marker("dst", "2026-10-24T22:00:00Z", 1), // 00:00 CEST: in
                marker("dst", "2026-10-25T00:30:00Z", 2), // 02:30 CEST, the first 02:30: in
                marker("dst", "2026-10-25T01:30:00Z", 3), // 02:30 CET, the second 02:30: in
                marker("dst", "2026-10-25T22:59:00Z", 4), // 23:59 CET: in
                marker("dst", "2026-10-25T23:00:00Z", 5), // 00:00 on the 26th: out
                marker("dst", "2026-10-31T22:59:00Z", 6), // 23:59 on 31 Oct: in October
                marker("dst", "2026-10-31T23:00:00Z", 7))); // 00:00 on 1 Nov: in November
        LocalDate day = LocalDate.of(2026, 10, 25);
        TimeRange local = new TimeRange(day.atStartOfDay(BERLIN).toInstant(),
                day.plusDays(1).atStartOfDay(BERLIN).toInstant());

        assertEquals(Duration.ofHours(25), Duration.between(local.from(), local.to()));
        // 2^1 + 2^2 + 2^3 + 2^4 = 30.
        assertEquals(List.of(new Counts(0, 30)), plugin.samples().counts(slo, List.of(local)));
        // At 23:59:30 CET on 31 Oct the month is [1 Oct 00:00 CEST, 31 Oct 22:59:30Z): 2^0 … 2^6 = 127. Half an hour
        // into November it holds 2^7 alone.
        Instant endOfOctober = Instant.parse("2026-10-31T22:59:30Z");
        assertEquals(new Counts(0, 127), new SloEvaluator(plugin.samples(), BERLIN, Runnable::run).status(slo, endOfOctober)
                .window());
        Instant inNovember = Instant.parse("2026-10-31T23:30:00Z");
        assertEquals(new Counts(0, 128), new SloEvaluator(plugin.samples(), BERLIN, Runnable::run).status(slo, inNovember).window());
        assertEquals(minuteCounts(slo, local), plugin.samples().counts(slo, List.of(local)).get(0));
    }

    @Test
    void aMonthInAZoneHalfAnHourOffUtcStartsInTheMiddleOfAUtcHourAndCountsExactly() {
        Slo slo = slo("kolkata", SloWindow.CALENDAR_MONTH, BudgetingMethod.OCCURRENCES, OptionalDouble.empty());
        // Written by a session in Kolkata time, as SQL that generates rows: the buckets must still be UTC hours.
        plugin.jdbi().useHandle(h -> {
            h.execute("SET TIME ZONE 'Asia/Kolkata'");
            h.execute("""
                    INSERT INTO samples (slo, minute, good, total)
                    SELECT 'kolkata', m, 0, t FROM (VALUES
                        (TIMESTAMPTZ '2026-10-31T18:00:00Z', 1), -- same UTC hour as the month's start, before: out
                        (TIMESTAMPTZ '2026-10-31T18:29:00Z', 2), -- 23:59 IST on 31 Oct: out
                        (TIMESTAMPTZ '2026-10-31T18:30:00Z', 4), -- 00:00 IST on 1 Nov: in
                        (TIMESTAMPTZ '2026-10-31T18:59:00Z', 8), -- in
                        (TIMESTAMPTZ '2026-10-31T19:00:00Z', 16), -- in
                        (TIMESTAMPTZ '2026-11-01T00:00:00Z', 32), -- in
                        (TIMESTAMPTZ '2026-11-15T11:59:00Z', 64), -- in
                        (TIMESTAMPTZ '2026-11-15T12:00:00Z', 128)) AS v(m, t) -- at T: out
                    """);
            h.execute("RESET TIME ZONE");
        });
        Instant at = Instant.parse("2026-11-15T12:00:00Z");

        SloStatus status = new SloEvaluator(plugin.samples(), KOLKATA, Runnable::run).status(slo, at);

        assertEquals(Instant.parse("2026-10-31T18:30:00Z"), status.windowStart());
        // 4 + 8 + 16 + 32 + 64 = 124.
        assertEquals(new Counts(0, 124), status.window());
        assertEquals(0, rollupsOutOfStep());
    }

    @Test
    void everyWindowOfTheStatusEqualsTheMinuteCountAtManyMomentsForBothMethods() {
        Slo events = slo("dense-events", SloWindow.ROLLING_7D, BudgetingMethod.OCCURRENCES, OptionalDouble.empty());
        Slo slices = slo("dense-slices", SloWindow.ROLLING_28D, BudgetingMethod.TIMESLICES, OptionalDouble.of(200));
        // Nine days of minutes with gaps (every 97th minute missing) and numbers that vary minute by minute.
        plugin.jdbi().useHandle(h -> {
            h.execute("""
                    INSERT INTO samples (slo, minute, good, total)
                    SELECT 'dense-events', m, t - (n % 5), t
                    FROM (SELECT m, n, 50 + (n * 7919) % 113 AS t
                          FROM generate_series(0, 9 * 1440) AS n,
                               LATERAL (SELECT TIMESTAMPTZ '2026-11-01T00:00:00Z' + n * interval '1 minute' AS m) x
                          WHERE n % 97 <> 0) y""");
            h.execute("""
                    INSERT INTO samples (slo, minute, value)
                    SELECT 'dense-slices', TIMESTAMPTZ '2026-11-01T00:00:00Z' + n * interval '1 minute',
                           (n * 7919) % 400
                    FROM generate_series(0, 9 * 1440) AS n WHERE n % 89 <> 0""");
        });
        List<Instant> moments = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // Spread over the last days, at every offset into the hour and some seconds off the minute.
            moments.add(Instant.parse("2026-11-07T00:00:00Z").plusSeconds(i * 11_117L + (i % 3) * 20L));
        }
        for (Slo slo : List.of(events, slices)) {
            for (Instant at : moments) {
                SloStatus status = plugin.evaluator().status(slo, at);
                assertEquals(minuteCounts(slo, new TimeRange(status.windowStart(), at)), status.window(),
                        slo.name() + " at " + at);
                for (Duration d : SloEvaluator.BURN_WINDOWS) {
                    Counts expected = minuteCounts(slo, new TimeRange(at.minus(d), at));
                    assertEquals(expected.burnRate(slo.objective()),
                            status.burnRates().get(BurnRateAlert.label(d)), slo.name() + " " + d + " at " + at);
                }
                for (AlertState alert : status.alerts()) {
                    assertEquals(minuteCounts(slo, new TimeRange(at.minus(alert.alert().longWindow()), at))
                            .burnRate(slo.objective()), alert.longBurn());
                    assertEquals(minuteCounts(slo, new TimeRange(at.minus(alert.alert().shortWindow()), at))
                            .burnRate(slo.objective()), alert.shortBurn());
                }
            }
        }
        assertEquals(0, rollupsOutOfStep());
    }

    @Test
    void aLateSampleForAnOldMinuteCountsInEveryWindowThatHoldsIt() {
        Slo slo = slo("late", SloWindow.ROLLING_30D, BudgetingMethod.OCCURRENCES, OptionalDouble.empty());
        Instant at = Instant.parse("2026-11-20T12:10:00Z");
        plugin.samples().store(List.of(marker("late", "2026-11-20T12:00:00Z", 0),
                marker("late", "2026-11-10T08:00:00Z", 1)));
        assertEquals(new Counts(0, 3), plugin.evaluator().status(slo, at).window());

        // Ten days late, in the middle of an hour and of a day that already have rollups.
        plugin.samples().store(List.of(marker("late", "2026-11-10T08:31:00Z", 2),
                marker("late", "2026-10-21T12:10:00Z", 3))); // the window's first minute

        assertEquals(new Counts(0, 15), plugin.evaluator().status(slo, at).window());
        assertEquals(new Counts(0, 4), plugin.samples().counts(slo, List.of(new TimeRange(
                Instant.parse("2026-11-10T08:30:30Z"), Instant.parse("2026-11-10T09:00:00Z")))).get(0));
        assertEquals(0, rollupsOutOfStep());
    }

    @Test
    void aReplayOrARefusedBatchLeavesTheRollupsAsTheyWere() {
        Slo slo = slo("replayed", SloWindow.ROLLING_30D, BudgetingMethod.OCCURRENCES, OptionalDouble.empty());
        List<Sample> batch = List.of(marker("replayed", "2026-11-20T10:15:00Z", 0),
                marker("replayed", "2026-11-20T11:45:00Z", 1));
        Instant at = Instant.parse("2026-11-20T12:00:00Z");
        assertEquals(2, plugin.samples().store(batch));

        assertEquals(0, plugin.samples().store(batch));
        // New minute first, then a stored minute with other numbers: the new one must not stay in the rollups.
        assertThrows(ProblemException.class, () -> plugin.samples().store(List.of(
                marker("replayed", "2026-11-20T11:50:00Z", 5), marker("replayed", "2026-11-20T11:45:00Z", 2))));

        assertEquals(new Counts(0, 3), plugin.evaluator().status(slo, at).window());
        assertEquals(0, rollupsOutOfStep());
    }

    @Test
    void retentionDropsMinutesInTheMiddleOfAnHourAndTheRollupsFollow() {
        Slo slo = slo("pruned", SloWindow.CALENDAR_QUARTER, BudgetingMethod.OCCURRENCES, OptionalDouble.empty());
        // Later than the wall clock, so the plugin's own pruning job (which runs on the wall clock) never reaches
        // these minutes; the cutoff falls at half past an hour, in the middle of an hour bucket.
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofMinutes(90));
        Instant cutoff = now.minus(MinuteRetention.KEEP);
        plugin.samples().store(List.of(new Sample("pruned", cutoff.minusSeconds(60), 0L, 1L, null),
                new Sample("pruned", cutoff, 0L, 2L, null), new Sample("pruned", cutoff.plusSeconds(1800), 0L, 4L,
                        null)));

        plugin.retention().prune(now);

        // Only the minute before the cutoff went: 2 + 4 stay; the cutoff's hour now holds the cutoff minute alone.
        assertEquals(new Counts(0, 6), plugin.samples().counts(slo, List.of(new TimeRange(
                cutoff.minus(Duration.ofDays(2)), now))).get(0));
        assertEquals(0, rollupsOutOfStep());
    }

    @Test
    void changingTheSliceThresholdRecountsTheGoodMinutesOfTheRollups() {
        Slo slo = slo("rethreshold", SloWindow.ROLLING_30D, BudgetingMethod.TIMESLICES, OptionalDouble.of(300));
        List<Sample> minutes = new ArrayList<>();
        for (int i = 0; i < 180; i++) {
            // Values 0, 10 … 590, three times over.
            minutes.add(new Sample("rethreshold", Instant.parse("2026-11-19T00:00:00Z").plusSeconds(60L * i), null,
                    null, (double) (i % 60) * 10));
        }
        plugin.samples().store(minutes);
        Instant at = Instant.parse("2026-11-20T00:00:00Z");
        // At most 300: values 0 … 300 are 31 of every 60 minutes, 93 of 180.
        assertEquals(new Counts(93, 180), plugin.evaluator().status(slo, at).window());

        Slo stricter = new Slo(slo.name(), slo.service(), slo.component(), slo.team(), slo.objective(), slo.window(),
                slo.method(), Optional.of(new BigDecimal("100")), slo.description(), at);
        plugin.slos().update(stricter);

        // At most 100: 0 … 100 are 11 of every 60, 33 of 180.
        assertEquals(new Counts(33, 180), plugin.evaluator().status(stricter, at).window());
        assertEquals(0, rollupsOutOfStep());
    }

    @Test
    void slosEvaluatedTogetherGetTheStatusEachGetsAloneAndOnlyChangedAlertsAreWritten() {
        List<Slo> slos = List.of(
                slo("together-30d", SloWindow.ROLLING_30D, BudgetingMethod.OCCURRENCES, OptionalDouble.empty()),
                slo("together-7d", SloWindow.ROLLING_7D, BudgetingMethod.OCCURRENCES, OptionalDouble.empty()),
                slo("together-month", SloWindow.CALENDAR_MONTH, BudgetingMethod.TIMESLICES, OptionalDouble.of(5)),
                slo("together-empty", SloWindow.CALENDAR_QUARTER, BudgetingMethod.OCCURRENCES,
                        OptionalDouble.empty()));
        Instant at = Instant.parse("2026-11-20T12:41:10Z");
        List<Sample> samples = new ArrayList<>();
        for (int i = 1; i <= 600; i++) {
            Instant minute = Instant.parse("2026-11-20T12:41:00Z").minusSeconds(60L * i * 7);
            samples.add(new Sample("together-30d", minute, 90L + i % 11, 100L, null));
            samples.add(new Sample("together-7d", minute, 100L - i % 3, 100L, null));
            samples.add(new Sample("together-month", minute, null, null, (double) (i % 9)));
        }
        plugin.samples().store(samples);

        java.util.Map<String, SloStatus> together = plugin.evaluator().statuses(slos, at);

        for (Slo slo : slos) {
            assertEquals(plugin.evaluator().status(slo, at), together.get(slo.name()), slo.name());
        }
        int firstTick = plugin.alerts().recordAll(together.values());
        assertEquals(firstTick > 0, together.values().stream().anyMatch(s -> s.paging() || s.ticketing()));
        assertEquals(0, plugin.alerts().recordAll(plugin.evaluator().statuses(slos, at).values()));
    }
}
