package dev.vitals.plugins.cost.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The forecast's arithmetic on series whose future is known by hand. */
class ForecasterTest {

    private static final LocalDate FEB_1 = LocalDate.parse("2032-02-01");
    private static final LocalDate MAR_1 = LocalDate.parse("2032-03-01");

    /** {@code days} values ending at {@code last}, each from the rule applied to its day. */
    private static List<BigDecimal> series(LocalDate last, int days, java.util.function.Function<LocalDate, String> rule) {
        List<BigDecimal> values = new ArrayList<>();
        for (LocalDate day = last.minusDays(days - 1L); !day.isAfter(last); day = day.plusDays(1)) {
            values.add(new BigDecimal(rule.apply(day)));
        }
        return values;
    }

    private static String weekdays100Weekends60(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY ? "60" : "100";
    }

    @Test
    void aFlatSeriesForecastsItsValueForEveryDayOfALeapFebruaryAndItsIntervalCollapses() {
        LocalDate saturday14th = LocalDate.parse("2032-02-14");

        Forecast f = Forecaster.forecast(series(saturday14th, 60, d -> "10.00"), saturday14th, FEB_1, MAR_1);

        // 14 known days and 15 forecast (the 15th to the 29th): 29 days of 10.
        assertEquals(new BigDecimal("140.00"), f.actual());
        assertEquals(0, new BigDecimal("290").compareTo(f.total()), f.total().toPlainString());
        assertEquals(0, new BigDecimal("290").compareTo(f.low().orElseThrow()));
        assertEquals(0, new BigDecimal("290").compareTo(f.high().orElseThrow()));
        assertEquals(60, f.historyDays());
        assertEquals(Optional.empty(), f.note());
    }

    @Test
    void aPureWeeklyRhythmRepeatsItself() {
        LocalDate saturday14th = LocalDate.parse("2032-02-14");

        Forecast f = Forecaster.forecast(series(saturday14th, 56, ForecasterTest::weekdays100Weekends60),
                saturday14th, FEB_1, MAR_1);

        // Known: Sun 1st 60, Mon-Fri 2nd-6th 500, Sat-Sun 7th-8th 120, Mon-Fri 9th-13th 500, Sat 14th 60 = 1240.
        // Forecast: Sun 15th 60, two working weeks 1000, Sat-Sun 21st-22nd 120, Sat-Sun 28th-29th 120 = 1300.
        assertEquals(0, new BigDecimal("1240").compareTo(f.actual()));
        assertEquals(0, new BigDecimal("2540").compareTo(f.total()), f.total().toPlainString());
        assertEquals(0, new BigDecimal("2540").compareTo(f.low().orElseThrow()));
        assertEquals(0, new BigDecimal("2540").compareTo(f.high().orElseThrow()));
    }

    @Test
    void aStraightLineContinuesAndTooShortAHistoryForAnIntervalSaysSo() {
        LocalDate tenthOfMarch = LocalDate.parse("2032-03-10");
        List<BigDecimal> oneToThirty = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            oneToThirty.add(BigDecimal.valueOf(i));
        }

        Forecast f = Forecaster.forecast(oneToThirty, tenthOfMarch, MAR_1, LocalDate.parse("2032-04-01"));

        // 1 March is the 21st day: known 21..30 = 255; forecast 11..31 March = 31..51 = 861.
        assertEquals(0, new BigDecimal("255").compareTo(f.actual()));
        assertEquals(0, new BigDecimal("1116").compareTo(f.total()), f.total().toPlainString());
        assertEquals(Optional.empty(), f.low());
        assertEquals(Optional.empty(), f.high());
        assertEquals(Optional.of("Only 30 days of cost history: an interval over 21 days ahead needs 54, to compare "
                + "20 past forecasts with what came."), f.note());
    }

    @Test
    void daysAfterTheLastExportBeforeTheMonthAreForecastNotCountedAsFree() {
        LocalDate friday27th = LocalDate.parse("2032-02-27");

        Forecast f = Forecaster.forecast(series(friday27th, 60, d -> "10"), friday27th, MAR_1,
                LocalDate.parse("2032-04-01"));

        assertEquals(0, BigDecimal.ZERO.compareTo(f.actual()));
        assertEquals(0, new BigDecimal("310").compareTo(f.total()), "31 days of 10, though 28 and 29 Feb are unknown");
    }

    @Test
    void aPeriodAlreadyKnownIsItsExactSum() {
        LocalDate saturday14th = LocalDate.parse("2032-02-14");

        Forecast f = Forecaster.forecast(series(saturday14th, 20, d -> "1.005"), saturday14th, FEB_1,
                LocalDate.parse("2032-02-11"));

        assertEquals(new BigDecimal("10.050"), f.total());
        assertEquals(Optional.of(new BigDecimal("10.050")), f.low());
        assertEquals(Optional.of(new BigDecimal("10.050")), f.high());
    }

    @Test
    void withLessThanTwoWeeksTheDailyMeanIsCarriedForwardWithoutAnInterval() {
        LocalDate saturday14th = LocalDate.parse("2032-02-14");
        List<BigDecimal> history = new ArrayList<>(series(saturday14th, 20, d -> "0"));
        for (int i = 0; i < 10; i++) {
            history.set(10 + i, BigDecimal.valueOf(i % 2 == 0 ? 4 : 6));    // 5th to 14th: mean 5
        }

        Forecast f = Forecaster.forecast(history, saturday14th, FEB_1, MAR_1);

        assertEquals(0, new BigDecimal("125").compareTo(f.total()), "50 known and 15 days of 5");
        assertEquals(10, f.historyDays(), "the days before the first cost are not history");
        assertEquals(Optional.empty(), f.low());
        assertTrue(f.note().orElseThrow().startsWith("Only 10 days of cost history: a forecast by weekday"),
                f.note().toString());
    }

    @Test
    void theQuantilesInterpolateBetweenRanks() {
        double[] sorted = {1, 2, 3, 4, 5};

        assertEquals(1.4, Forecaster.quantile(sorted, 0.1), 1e-12);
        assertEquals(4.6, Forecaster.quantile(sorted, 0.9), 1e-12);
        assertEquals(3, Forecaster.quantile(sorted, 0.5), 1e-12);
    }
}
