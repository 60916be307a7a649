package dev.vitals.plugins.slo.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vitals.plugins.slo.SloStores;
import dev.vitals.plugins.slo.objectives.BudgetingMethod;
import dev.vitals.plugins.slo.objectives.Slo;
import dev.vitals.plugins.slo.objectives.SloWindow;
import dev.vitals.plugins.slo.status.SloEvaluator;
import dev.vitals.plugins.slo.status.SloStatus;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The minute job's carried counts equal a fresh read at every tick, whatever arrived in between: on-time minutes,
 * late ones, dropped ones, a new slice threshold, ticks that skip, jump a day or a month boundary, or go back. And
 * they read afresh only the SLOs whose settled minutes changed.
 */
class CarriedSumsTest {

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .environment("VITALS_TIMEZONE", "Europe/Berlin")
            .build();

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static SloStores plugin;
    private static SloEvaluator evaluator;

    @BeforeAll
    static void start(VitalsPortal portal) {
        plugin = SloStores.of(portal, ZoneId.of("Europe/Berlin"));
        evaluator = new SloEvaluator(plugin.samples(), BERLIN, Runnable::run);
    }

    private static CarriedSums carriedSums() {
        return new CarriedSums(plugin.samples(), new SampleWrites(plugin.jdbi()), Runnable::run);
    }

    private static Slo slo(String name, SloWindow window, BudgetingMethod method, OptionalDouble threshold) {
        return plugin.create(name, 0.99, window, method, threshold,
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static Sample sample(Slo slo, Instant minute, Random random) {
        if (slo.method() == BudgetingMethod.TIMESLICES) {
            return new Sample(slo.name(), minute, null, null, 100.0 + random.nextInt(300));
        }
        long total = 1 + random.nextInt(1000);
        return new Sample(slo.name(), minute, total - random.nextInt((int) Math.min(total, 30) + 1), total, null);
    }

    /** Stores one sample per SLO at each minute not stored yet; minutes already stored keep their numbers. */
    private static void store(List<Slo> slos, List<Instant> minutes, Random random) {
        List<Sample> batch = new ArrayList<>();
        for (Slo slo : slos) {
            for (Instant minute : minutes) {
                batch.add(sample(slo, minute, random));
            }
        }
        plugin.jdbi().useHandle(h -> {
            for (Sample s : batch) {
                h.createUpdate("INSERT INTO samples (slo, minute, good, total, value) VALUES (:slo, :minute, :good, "
                                + ":total, :value) ON CONFLICT DO NOTHING")
                        .bind("slo", s.slo()).bind("minute", SampleRepository.utc(s.minute()))
                        .bind("good", s.good()).bind("total", s.total()).bind("value", s.value()).execute();
            }
        });
    }

    private static void assertSameAsAFreshRead(List<Slo> slos, Instant at, CarriedSums carried) {
        Map<String, SloStatus> fresh = evaluator.statuses(slos, at);
        Map<String, SloStatus> carriedOn = evaluator.statuses(slos, at, carried);
        for (Slo slo : slos) {
            assertEquals(fresh.get(slo.name()), carriedOn.get(slo.name()), slo.name() + " at " + at);
        }
    }

    @Test
    void carriedCountsEqualAFreshReadThroughLateDataDropsNewThresholdsAndIrregularTicks() {
        List<Slo> slos = new ArrayList<>(List.of(
                slo("walk-30d", SloWindow.ROLLING_30D, BudgetingMethod.OCCURRENCES, OptionalDouble.empty()),
                slo("walk-7d", SloWindow.ROLLING_7D, BudgetingMethod.OCCURRENCES, OptionalDouble.empty()),
                slo("walk-month", SloWindow.CALENDAR_MONTH, BudgetingMethod.TIMESLICES, OptionalDouble.of(250)),
                slo("walk-quarter", SloWindow.CALENDAR_QUARTER, BudgetingMethod.OCCURRENCES,
                        OptionalDouble.empty())));
        Random random = new Random(20261123);
        // Sparse history: a minute in every 47 over the 40 days before the walk starts on 28 March 2026, the day
        // before Berlin's spring DST change and three days before a new month and quarter.
        Instant start = Instant.parse("2026-03-28T21:40:00Z");
        List<Instant> history = new ArrayList<>();
        for (Instant m = start.minus(Duration.ofDays(40)); m.isBefore(start); m = m.plus(Duration.ofMinutes(47))) {
            history.add(m);
        }
        store(slos, history, random);
        CarriedSums carried = carriedSums();

        Instant at = start.plusSeconds(17);
        List<Duration> steps = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            steps.add(Duration.ofMinutes(1));
        }
        steps.addAll(List.of(Duration.ofMinutes(3), Duration.ofSeconds(59), Duration.ofMinutes(-2),
                Duration.ofMinutes(95), Duration.ofDays(1), Duration.ofHours(13), Duration.ofDays(2),
                Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(7)));
        for (int tick = 0; tick < steps.size(); tick++) {
            assertSameAsAFreshRead(slos, at, carried);
            Instant minute = at.truncatedTo(ChronoUnit.MINUTES);
            // On time: the minute just ended, and one still arriving from five minutes back.
            store(slos, List.of(minute.minus(Duration.ofMinutes(1)), minute.minus(Duration.ofMinutes(5))), random);
            if (tick % 7 == 3) {
                // Late: a minute from days back, long settled, for one SLO.
                store(List.of(slos.get(tick % slos.size())),
                        List.of(minute.minus(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 6)))), random);
            }
            if (tick % 11 == 5) {
                // Dropped: the last stored minute of walk-30d before three hours back.
                Instant before = at.minus(Duration.ofHours(3));
                plugin.jdbi().useHandle(h -> h.execute("DELETE FROM samples WHERE slo = 'walk-30d' AND "
                        + "minute = (SELECT max(minute) FROM samples WHERE slo = 'walk-30d' AND minute < ?)",
                        SampleRepository.utc(before)));
            }
            if (tick == 20) {
                Slo month = slos.get(2);
                Slo stricter = new Slo(month.name(), month.service(), month.component(), month.team(),
                        month.objective(), month.window(), month.method(), Optional.of(new BigDecimal("180")),
                        month.description(), month.updatedAt());
                plugin.slos().update(stricter);
                slos.set(2, stricter);
            }
            at = at.plus(steps.get(tick));
        }
        assertSameAsAFreshRead(slos, at, carried);
    }

    @Test
    void aTickReadsAfreshOnlyTheSlosWhoseSettledMinutesChanged() {
        List<Slo> slos = List.of(
                slo("quiet-a", SloWindow.ROLLING_30D, BudgetingMethod.OCCURRENCES, OptionalDouble.empty()),
                slo("quiet-b", SloWindow.ROLLING_28D, BudgetingMethod.OCCURRENCES, OptionalDouble.empty()),
                slo("quiet-c", SloWindow.ROLLING_7D, BudgetingMethod.TIMESLICES, OptionalDouble.of(300)));
        Random random = new Random(7);
        Instant at = Instant.parse("2026-06-10T08:00:00Z");
        store(slos, List.of(at.minus(Duration.ofDays(2)), at.minus(Duration.ofHours(3))), random);
        CarriedSums carried = carriedSums();

        evaluator.statuses(slos, at, carried);
        assertEquals(3, carried.readAfresh(), "the first tick has nothing to carry");

        for (int minute = 0; minute < 15; minute++) {
            // On time, and then settled without change over the next ticks.
            store(slos, List.of(at, at.minus(Duration.ofMinutes(4))), random);
            at = at.plus(Duration.ofMinutes(1));
            assertSameAsAFreshRead(slos, at, carried);
            assertEquals(0, carried.readAfresh(), "minutes still arriving are read as the fresh part, at " + at);
        }

        store(List.of(slos.get(1)), List.of(at.minus(Duration.ofDays(3))), random);
        at = at.plus(Duration.ofMinutes(1));
        assertSameAsAFreshRead(slos, at, carried);
        assertEquals(1, carried.readAfresh(), "only quiet-b had a settled minute arrive late");

        at = at.plus(Duration.ofMinutes(1));
        assertSameAsAFreshRead(slos, at, carried);
        assertEquals(0, carried.readAfresh());

        Slo redefined = new Slo("quiet-c", slos.get(2).service(), Optional.empty(), slos.get(2).team(),
                new BigDecimal("0.995"),
                SloWindow.ROLLING_7D, BudgetingMethod.TIMESLICES, Optional.of(new BigDecimal("300")), Optional.empty(),
                slos.get(2).updatedAt());
        plugin.slos().update(redefined);
        List<Slo> edited = List.of(slos.get(0), slos.get(1), redefined);
        at = at.plus(Duration.ofMinutes(1));
        assertSameAsAFreshRead(edited, at, carried);
        assertEquals(1, carried.readAfresh(), "an edited SLO is read afresh");

        // A write the carried counts may miss, whose log entry is pruned before the next tick reads it.
        store(List.of(slos.get(0)), List.of(at.minus(Duration.ofDays(1))), random);
        plugin.jdbi().useHandle(h -> h.execute(
                "UPDATE sample_writes SET logged_at = logged_at - interval '2 hours'"));
        plugin.retention().prune(at);
        at = at.plus(Duration.ofMinutes(1));
        assertSameAsAFreshRead(edited, at, carried);
        assertEquals(3, carried.readAfresh(), "once the log was pruned past the last read, it cannot vouch for any");
    }
}
