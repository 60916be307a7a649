package dev.vitals.plugins.deploys.dora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.PluginSettings;
import dev.vitals.api.Setting;
import dev.vitals.api.SignalStatus;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Band edges, the median rule and the signal verdict, without a database. */
class BandsAndMediansTest {

    private static final DoraThresholds T = DoraThresholds.DEFAULTS;
    private static final ZoneId UTC = ZoneId.of("UTC");

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        assertEquals(OptionalDouble.of(2.5), Median.of(List.of(4, 1, 3, 2)));
        assertEquals(OptionalDouble.of(3), Median.of(List.of(5, 3, 1)));
        assertEquals(OptionalDouble.empty(), Median.of(List.<Integer>of()));
    }

    @Test
    void bandEdgesFollowTheDoraDefinitions() {
        assertEquals(Band.ELITE, T.leadTime(23.99));
        assertEquals(Band.HIGH, T.leadTime(24));
        assertEquals(Band.MEDIUM, T.leadTime(168));
        assertEquals(Band.LOW, T.leadTime(730));
        assertEquals(Band.ELITE, T.failureRate(0.05));
        assertEquals(Band.HIGH, T.failureRate(0.10));
        assertEquals(Band.MEDIUM, T.failureRate(0.15));
        assertEquals(Band.LOW, T.failureRate(0.1501));
        assertEquals(Band.ELITE, T.restore(0.99));
        assertEquals(Band.HIGH, T.restore(1));
        assertEquals(Band.MEDIUM, T.restore(24));
        assertEquals(Band.LOW, T.restore(168));
        assertEquals(Band.ELITE, T.frequency(3, 0));
        assertEquals(Band.HIGH, T.frequency(1, 0));
        assertEquals(Band.MEDIUM, T.frequency(0.5, 1));
        assertEquals(Band.LOW, T.frequency(0.5, 0.5));
    }

    @Test
    void thresholdsComeFromConfigurationAndRefuseNonsense() {
        DoraThresholds strict = DoraThresholds.from(settings(Map.of("lead_time_elite_hours", "12")));
        assertEquals(Band.HIGH, strict.leadTime(14));
        assertEquals(Band.ELITE, T.leadTime(14));
        assertEquals(T, DoraThresholds.from(settings(Map.of())));
        assertThrows(IllegalArgumentException.class,
                () -> DoraThresholds.from(settings(Map.of("lead_time_high_hours", "soon"))));
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> DoraThresholds.from(settings(Map.of("restore_high_hours", "-1"))));
        assertTrue(negative.getMessage().startsWith("VITALS_DEPLOYS_RESTORE_HIGH_HOURS"), negative.getMessage());
    }

    /** Settings as the host reads them from the environment: the value set, parsed, or else the default. */
    private static PluginSettings settings(Map<String, String> set) {
        return new PluginSettings() {
            @Override
            public <V> V get(Setting<V> setting) {
                return find(setting).orElseThrow();
            }

            @Override
            public <V> Optional<V> find(Setting<V> setting) {
                String raw = set.get(setting.name());
                return raw == null ? setting.defaultValue() : Optional.of(setting.parse(raw));
            }
        };
    }

    @Test
    void deployingOnThreeDaysOfEveryWeekIsEliteAndAnOddNumberOfWeeksTakesTheMiddleOne() {
        // 2026-03-02 (Monday) to 2026-03-23: three ISO weeks.
        Period period = new Period(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 23), UTC);
        List<DayCount> days = new ArrayList<>();
        for (int week = 0; week < 3; week++) {
            for (int day = 0; day < 3 + week; day++) {
                days.add(new DayCount(LocalDate.of(2026, 3, 2).plusWeeks(week).plusDays(day), 2, 0));
            }
        }
        DoraReport report = DoraReport.compute(period, days, OptionalDouble.empty(), OptionalDouble.empty(), 0, T);
        // Weeks have 3, 4 and 5 deploy-days: median 4.
        assertEquals(4.0, report.medianDeployDaysPerWeek().getAsDouble());
        assertEquals(Optional.of(Band.ELITE), report.frequencyBand());
        assertEquals(24 * 7 / 21.0, report.perWeek().getAsDouble(), 1e-12);
    }

    @Test
    void aPeriodStartingMidWeekCountsTheWholeOverlappingWeeksAcrossAYearEnd() {
        Period period = new Period(LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 5), UTC);
        assertEquals(List.of(LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 4)), period.weekStarts());
        assertEquals(2, period.months().size());
    }

    @Test
    void theVerdictWarnsOnALowBandOrAHighFailureRateAndKnowsNothingWithoutData() {
        Period period = new Period(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 9), UTC);
        List<DayCount> daily = List.of(new DayCount(LocalDate.of(2026, 3, 2), 10, 0),
                new DayCount(LocalDate.of(2026, 3, 3), 10, 0), new DayCount(LocalDate.of(2026, 3, 4), 10, 0));
        DoraReport good = DoraReport.compute(period, daily, OptionalDouble.of(5), OptionalDouble.of(0.5), 1, T);
        assertEquals(SignalStatus.OK, DoraSignals.verdict(good, T).status());

        List<DayCount> failing = List.of(new DayCount(LocalDate.of(2026, 3, 2), 10, 1),
                new DayCount(LocalDate.of(2026, 3, 3), 10, 1), new DayCount(LocalDate.of(2026, 3, 4), 10, 2));
        DoraThresholds lenientBands = new DoraThresholds(3, 1, 1, 24, 168, 730, 0.05, 0.10, 0.5, 1, 24, 168, 0.15);
        DoraReport rate = DoraReport.compute(period, failing, OptionalDouble.of(5), OptionalDouble.empty(), 0,
                lenientBands);
        // 4 of 30 is 0.133: medium band, under the warning line.
        assertEquals(SignalStatus.OK, DoraSignals.verdict(rate, lenientBands).status());
        List<DayCount> worse = List.of(new DayCount(LocalDate.of(2026, 3, 2), 10, 2),
                new DayCount(LocalDate.of(2026, 3, 3), 10, 1), new DayCount(LocalDate.of(2026, 3, 4), 10, 2));
        DoraReport above = DoraReport.compute(period, worse, OptionalDouble.of(5), OptionalDouble.empty(), 0,
                lenientBands);
        // 5 of 30 is 0.167: medium band under these thresholds, but above 0.15.
        assertEquals(Optional.of(Band.MEDIUM), above.changeFailureRateBand());
        assertEquals(SignalStatus.WARN, DoraSignals.verdict(above, lenientBands).status());

        DoraReport slowLeadTime = DoraReport.compute(period, daily, OptionalDouble.of(1000), OptionalDouble.empty(),
                0, T);
        assertEquals(SignalStatus.WARN, DoraSignals.verdict(slowLeadTime, T).status());

        DoraReport nothing = DoraReport.compute(period, List.of(), OptionalDouble.empty(), OptionalDouble.empty(), 0,
                T);
        assertEquals(SignalStatus.UNKNOWN, DoraSignals.verdict(nothing, T).status());
        assertEquals(Map.of(LocalDate.of(2026, 3, 2), 0), nothing.deployDaysPerWeek());
    }
}
