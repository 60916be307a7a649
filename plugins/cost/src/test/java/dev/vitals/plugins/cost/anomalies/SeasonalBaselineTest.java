package dev.vitals.plugins.cost.anomalies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The band on hand-computed series: weekdays at 100 and weekends at 60, steady, so the growth is 1, every weekday's
 * median is its own level and the spread is the floor of 5 %: the band is expected × (1 ± 6 × 0.05).
 */
class SeasonalBaselineTest {

    private static final SeasonalBaseline UTC = new SeasonalBaseline(ZoneOffset.UTC);
    /** A Monday. */
    private static final LocalDate START = LocalDate.parse("2024-09-02");

    private static NavigableMap<LocalDate, BigDecimal> weekly(int days) {
        NavigableMap<LocalDate, BigDecimal> costs = new TreeMap<>();
        for (int d = 0; d < days; d++) {
            LocalDate day = START.plusDays(d);
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            costs.put(day, new BigDecimal(weekend ? "60" : "100"));
        }
        return costs;
    }

    private static Expectation only(NavigableMap<LocalDate, BigDecimal> costs, LocalDate day) {
        List<Expectation> found = UTC.expectations(costs, day, day.plusDays(1));
        assertEquals(1, found.size());
        return found.get(0);
    }

    @Test
    void aNormalSaturdayIsExpectedAtTheSaturdayLevelAndIsNoSpike() {
        LocalDate saturday = LocalDate.parse("2024-10-05");      // 4 weeks and 5 days in
        Expectation e = only(weekly(35), saturday);

        assertEquals(new BigDecimal("60.00"), e.expected());
        assertEquals(new BigDecimal("42.00"), e.low());
        assertEquals(new BigDecimal("78.00"), e.high());
        assertFalse(e.anomalous());
        assertEquals(SeasonalBaseline.SEASONAL, e.method());
    }

    @Test
    void aOneDayTripleOnAWednesdayIsASpikeFromItsFirstDay() {
        NavigableMap<LocalDate, BigDecimal> costs = weekly(35);
        LocalDate wednesday = LocalDate.parse("2024-10-02");
        costs.put(wednesday, new BigDecimal("300"));

        Expectation e = only(costs, wednesday);

        assertEquals(new BigDecimal("100.00"), e.expected());
        assertEquals(new BigDecimal("130.00"), e.high());
        assertTrue(e.anomalous());
        assertEquals(new BigDecimal("200.00"), e.impact());
        assertEquals(40.0, e.score(), 1e-9, "(300 - 100) / (0.05 × 100)");
        assertFalse(only(costs, wednesday.plusDays(1)).anomalous(), "the day after is back to normal");
    }

    @Test
    void steadyGrowthIsCarriedForwardSoTheNextWeekdayIsNoSpike() {
        NavigableMap<LocalDate, BigDecimal> costs = new TreeMap<>();
        for (int d = 0; d < 60; d++) {
            costs.put(START.plusDays(d), BigDecimal.valueOf(100 * Math.pow(1.01, d)));
        }
        Expectation e = only(costs, START.plusDays(59));

        assertEquals(100 * Math.pow(1.01, 59), e.expected().doubleValue(), 0.01);
        assertFalse(e.anomalous());
    }

    @Test
    void aMonthStartBatchSeenInThePreviousMonthsIsExpected() {
        NavigableMap<LocalDate, BigDecimal> costs = new TreeMap<>();
        LocalDate first = LocalDate.parse("2024-06-03");
        for (LocalDate day = first; day.isBefore(LocalDate.parse("2024-10-03")); day = day.plusDays(1)) {
            costs.put(day, new BigDecimal(day.getDayOfMonth() == 1 ? "200" : "100"));
        }
        Expectation october = only(costs, LocalDate.parse("2024-10-01"));

        assertEquals(new BigDecimal("200.00"), october.expected(), "twice the weekday, as in July, August, September");
        assertFalse(october.anomalous());
        assertTrue(only(costs, LocalDate.parse("2024-07-01")).anomalous(), "the first batch day had no precedent");
    }

    @Test
    void theLongDayWhenDaylightSavingTimeEndsIsExpectedToCostItsTwentyFiveHours() {
        SeasonalBaseline berlin = new SeasonalBaseline(ZoneId.of("Europe/Berlin"));
        NavigableMap<LocalDate, BigDecimal> costs = new TreeMap<>();
        for (LocalDate day = LocalDate.parse("2024-09-29"); day.isBefore(LocalDate.parse("2024-10-29"));
                day = day.plusDays(1)) {
            costs.put(day, new BigDecimal("24"));                  // one a hour
        }
        costs.put(LocalDate.parse("2024-10-27"), new BigDecimal("25"));
        costs.put(LocalDate.parse("2024-10-28"), new BigDecimal("72"));

        List<Expectation> found = berlin.expectations(costs, LocalDate.parse("2024-10-27"),
                LocalDate.parse("2024-10-29"));

        assertEquals(new BigDecimal("25.00"), found.get(0).expected(), "24 × 25 / 24");
        assertEquals(new BigDecimal("32.50"), found.get(0).high(), "25 × (1 + 6 × 0.05)");
        assertFalse(found.get(0).anomalous());
        assertEquals(new BigDecimal("24.00"), found.get(1).expected(), "the 25-hour day counts as 24 per 24 hours");
        assertTrue(found.get(1).anomalous());
    }

    @Test
    void withFewerThanFourteenDaysOfHistoryItFallsBackToPeriodOverPeriod() {
        NavigableMap<LocalDate, BigDecimal> costs = weekly(13);
        costs.put(START.plusDays(12), new BigDecimal("60"));       // Saturday: as the Saturday before
        costs.put(START.plusDays(13), new BigDecimal("130"));      // Sunday: 130 against 60, over twice
        costs.put(START.plusDays(3), new BigDecimal("150"));       // Thursday, 3 days in: 1.5 × the day before

        Expectation saturday = only(costs, START.plusDays(12));
        Expectation sunday = only(costs, START.plusDays(13));
        Expectation thursday = only(costs, START.plusDays(3));

        assertEquals(SeasonalBaseline.WEEK_OVER_WEEK, saturday.method());
        assertEquals(12, saturday.historyDays());
        assertEquals(new BigDecimal("60.00"), saturday.expected());
        assertEquals(new BigDecimal("120.00"), saturday.high());
        assertFalse(saturday.anomalous());
        assertTrue(sunday.anomalous());
        assertEquals(SeasonalBaseline.DAY_OVER_DAY, thursday.method());
        assertEquals(new BigDecimal("200.00"), thursday.high());
        assertFalse(thursday.anomalous());
        assertEquals(SeasonalBaseline.SEASONAL, only(weekly(20), START.plusDays(14)).method(), "from day 14 on");
    }

    @Test
    void onGeneratedBillsThePlantedSpikesAreFoundAndTheWeekendsAndBatchDaysAreNot() {
        PlantedCosts bills = PlantedCosts.generate(7, 40, LocalDate.parse("2024-01-01"), 200, 2);

        PlantedCosts.Score score = bills.score(UTC, LocalDate.parse("2024-01-15"), LocalDate.parse("2024-07-19"));

        assertEquals(80, score.planted());
        assertTrue(score.recall() >= 0.9, "recall " + score.recall() + ": " + score.misses());
        assertTrue(score.precision() >= 0.9, "precision " + score.precision() + ": " + score.misses());
        assertTrue(score.misses().stream().noneMatch(m -> m.contains("SATURDAY") || m.contains("SUNDAY")),
                score.misses().toString());
    }
}
