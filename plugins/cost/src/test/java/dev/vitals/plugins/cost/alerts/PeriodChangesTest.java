package dev.vitals.plugins.cost.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vitals.api.EntityRef;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Period-over-period alerts need a rise above both the relative threshold and the floor per day. */
class PeriodChangesTest {

    private static final EntityRef CHECKOUT = EntityRef.of("component", "checkout");
    private static final AlertRules DAILY = new AlertRules(new BigDecimal("20"), new BigDecimal("50"),
            EnumSet.of(Period.DAY));

    private static NavigableMap<LocalDate, BigDecimal> costs(String first, String... amounts) {
        NavigableMap<LocalDate, BigDecimal> costs = new TreeMap<>();
        LocalDate day = LocalDate.parse(first);
        for (String amount : amounts) {
            costs.put(day, new BigDecimal(amount));
            day = day.plusDays(1);
        }
        return costs;
    }

    private static List<LocalDate> days(List<Alert> alerts) {
        return alerts.stream().map(Alert::day).toList();
    }

    @Test
    void aDayOverDayRiseAlertsOnlyAboveBothTheRelativeThresholdAndTheFloor() {
        // 200 → 260: +60, +30 %: both. 1000 → 1060: +60 but +6 %. 100 → 140: +40 %, but +40 is under the floor.
        NavigableMap<LocalDate, BigDecimal> costs = costs("2024-09-01", "200", "260", "1000", "1060", "100", "140");

        List<Alert> alerts = PeriodChanges.of(CHECKOUT, costs, DAILY, LocalDate.parse("2024-09-02"),
                LocalDate.parse("2024-09-07"));

        assertEquals(List.of(LocalDate.parse("2024-09-02"), LocalDate.parse("2024-09-03")), days(alerts));
        assertEquals(new BigDecimal("260"), alerts.get(0).current());
        assertEquals(new BigDecimal("200"), alerts.get(0).previous());
        assertEquals("30.0", AlertView.of(alerts.get(0)).risePercent().orElseThrow());
        assertEquals("60", AlertView.of(alerts.get(0)).risePerDay());
    }

    @Test
    void aWeekOverWeekRiseCountsTheFloorPerDayOfTheWeek() {
        // 7 days of 100, then 7 of 130: 910 against 700, +30 %, but +210 is 30 a day.
        NavigableMap<LocalDate, BigDecimal> costs = costs("2024-09-02", "100", "100", "100", "100", "100", "100",
                "100", "130", "130", "130", "130", "130", "130", "130");
        LocalDate sunday = LocalDate.parse("2024-09-15");
        AlertRules weekly50 = new AlertRules(new BigDecimal("20"), new BigDecimal("50"), EnumSet.of(Period.WEEK));
        AlertRules weekly30 = new AlertRules(new BigDecimal("20"), new BigDecimal("30"), EnumSet.of(Period.WEEK));

        assertEquals(List.of(), PeriodChanges.of(CHECKOUT, costs, weekly50, sunday, sunday.plusDays(1)));
        List<Alert> alerts = PeriodChanges.of(CHECKOUT, costs, weekly30, sunday, sunday.plusDays(1));
        assertEquals(new BigDecimal("910"), alerts.get(0).current());
        assertEquals(new BigDecimal("700"), alerts.get(0).previous());
    }

    @Test
    void aMonthOverMonthRiseComparesTheMonthSoFarWithAsManyDaysOfTheMonthBefore() {
        NavigableMap<LocalDate, BigDecimal> costs = new TreeMap<>();
        for (int d = 1; d <= 30; d++) {
            costs.put(LocalDate.of(2024, 9, d), new BigDecimal("100"));
        }
        for (int d = 1; d <= 10; d++) {
            costs.put(LocalDate.of(2024, 10, d), new BigDecimal("200"));
        }
        AlertRules monthly = new AlertRules(new BigDecimal("20"), new BigDecimal("50"), EnumSet.of(Period.MONTH));

        List<Alert> alerts = PeriodChanges.of(CHECKOUT, costs, monthly, LocalDate.parse("2024-10-10"),
                LocalDate.parse("2024-10-11"));

        assertEquals(new BigDecimal("2000"), alerts.get(0).current(), "1 to 10 October");
        assertEquals(new BigDecimal("1000"), alerts.get(0).previous(), "1 to 10 September");
        assertEquals("100", AlertView.of(alerts.get(0)).risePerDay());
    }

    @Test
    void aNewServicesFirstPeriodsAreNoRiseSinceThePeriodBeforeThemHadNoCostYet() {
        NavigableMap<LocalDate, BigDecimal> costs = costs("2024-09-02", "100", "100", "100", "100", "100", "100",
                "100", "100", "100");
        AlertRules all = new AlertRules(new BigDecimal("20"), new BigDecimal("50"), EnumSet.allOf(Period.class));

        assertEquals(List.of(), PeriodChanges.of(CHECKOUT, costs, all, LocalDate.parse("2024-09-02"),
                LocalDate.parse("2024-09-11")));
    }
}
