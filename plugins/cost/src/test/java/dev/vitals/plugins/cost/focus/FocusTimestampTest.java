package dev.vitals.plugins.cost.focus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FocusTimestampTest {

    private static final Optional<Instant> SEPT_FIRST = Optional.of(Instant.parse("2024-09-01T00:00:00Z"));

    @Test
    void theFormsExportsWriteAreReadAsUtc() {
        assertEquals(SEPT_FIRST, FocusTimestamp.parse("2024-09-01 00:00:00"));
        assertEquals(SEPT_FIRST, FocusTimestamp.parse("2024-09-01T00:00:00Z"));
        assertEquals(SEPT_FIRST, FocusTimestamp.parse("2024-09-01T00:00:00"));
        assertEquals(SEPT_FIRST, FocusTimestamp.parse("2024-09-01T00:00:00.000Z"));
        assertEquals(SEPT_FIRST, FocusTimestamp.parse("2024-09-01T02:00:00+02:00"));
        assertEquals(SEPT_FIRST, FocusTimestamp.parse("2024-09-01"));
        assertEquals(SEPT_FIRST, FocusTimestamp.parse("9/1/24"));
        assertEquals(SEPT_FIRST, FocusTimestamp.parse("9/1/2024 0:00"));
        assertEquals(Optional.of(Instant.parse("2024-09-18T22:00:00Z")), FocusTimestamp.parse("2024-09-18 22:00:00"));
    }

    @Test
    void theCommonFormIsReadToTheSecondUpToTheLastDayOfAMonth() {
        assertEquals(Optional.of(Instant.parse("2024-02-29T23:59:59Z")), FocusTimestamp.parse("2024-02-29T23:59:59Z"));
        assertEquals(Optional.of(Instant.parse("2023-12-31T08:07:06Z")), FocusTimestamp.parse("2023-12-31 08:07:06"));
        assertEquals(SEPT_FIRST, FocusTimestamp.parse("2024-09-01t00:00:00z"));
    }

    @Test
    void textThatIsNoDateTimeIsRefused() {
        assertEquals(Optional.empty(), FocusTimestamp.parse("yesterday"));
        assertEquals(Optional.empty(), FocusTimestamp.parse("2024-13-01 00:00:00"));
        assertEquals(Optional.empty(), FocusTimestamp.parse("2024-09-01 25:00:00"));
        assertEquals(Optional.empty(), FocusTimestamp.parse("2024-09-01T00:60:00Z"));
        assertEquals(Optional.empty(), FocusTimestamp.parse("2024-0a-01T00:00:00Z"));
    }

    @Test
    void aDayTheMonthDoesNotHaveIsRefusedInEveryFormNotMovedToTheMonthsLastDay() {
        for (String text : new String[] {"2023-04-31T00:00:00Z", "2023-04-31 00:00:00", "2023-04-31",
                "2023-04-31T00:00:00.000Z", "2023-04-31T02:00:00+02:00", "2100-02-29 00:00:00", "2100-02-29",
                "2023-02-29", "4/31/23", "2/29/2100 0:00"}) {
            assertEquals(Optional.empty(), FocusTimestamp.parse(text), text);
        }
        assertEquals(Optional.of(Instant.parse("2000-02-29T00:00:00Z")), FocusTimestamp.parse("2/29/2000 0:00"));
        assertEquals(Optional.of(Instant.parse("2024-02-29T00:00:00Z")), FocusTimestamp.parse("2024-02-29"));
    }

    @Test
    void theCommonFormGivesTheInstantTheCalendarGivesOnEveryDayOfTwoCenturiesAndAtTheLeapRulesEdges() {
        java.util.List<java.time.LocalDate> days = new java.util.ArrayList<>();
        for (java.time.LocalDate d = java.time.LocalDate.of(1899, 1, 1); d.getYear() < 2101; d = d.plusDays(1)) {
            days.add(d);
        }
        for (int year : new int[] {0, 4, 100, 400, 1600, 1700, 9999}) {
            days.add(java.time.LocalDate.of(year, 2, 28));
            days.add(java.time.LocalDate.of(year, 3, 1));
            days.add(java.time.LocalDate.of(year, 12, 31));
        }
        for (java.time.LocalDate day : days) {
            String text = String.format("%04d-%02d-%02dT23:59:58Z", day.getYear(), day.getMonthValue(),
                    day.getDayOfMonth());
            assertEquals(Optional.of(day.atTime(23, 59, 58).toInstant(java.time.ZoneOffset.UTC)),
                    FocusTimestamp.parse(text), text);
        }
    }
}
