package dev.vitals.plugins.slo.objectives;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SloWindowTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aRollingWindowEndsAtTheMomentAndReachesBackItsLength() {
        Instant at = Instant.parse("2026-11-01T12:00:00Z");
        assertEquals(Instant.parse("2026-10-02T12:00:00Z"), SloWindow.ROLLING_30D.start(at, BERLIN));
        assertEquals(Instant.parse("2026-10-04T12:00:00Z"), SloWindow.ROLLING_28D.start(at, BERLIN));
        assertEquals(Instant.parse("2026-10-25T12:00:00Z"), SloWindow.ROLLING_7D.start(at, BERLIN));
    }

    @Test
    void aCalendarMonthThatContainsTheSpringForwardStartsAtLocalMidnightAndIsAnHourShort() {
        Instant at = Instant.parse("2026-03-31T12:00:00Z");
        // 1 March 00:00 CET is 28 Feb 23:00 UTC; 1 April 00:00 CEST is 31 March 22:00 UTC.
        assertEquals(Instant.parse("2026-02-28T23:00:00Z"), SloWindow.CALENDAR_MONTH.start(at, BERLIN));
        assertEquals(Instant.parse("2026-03-31T22:00:00Z"), SloWindow.CALENDAR_MONTH.periodEnd(at, BERLIN));
        assertEquals(Duration.ofDays(31).minusHours(1), SloWindow.CALENDAR_MONTH.periodLength(at, BERLIN));
    }

    @Test
    void theFirstInstantOfALocalMonthStartsANewEmptyWindow() {
        Instant aprilFirstInBerlin = Instant.parse("2026-03-31T22:00:00Z");
        assertEquals(aprilFirstInBerlin, SloWindow.CALENDAR_MONTH.start(aprilFirstInBerlin, BERLIN));
        assertEquals(Instant.parse("2026-02-28T23:00:00Z"),
                SloWindow.CALENDAR_MONTH.start(aprilFirstInBerlin.minusSeconds(1), BERLIN));
    }

    @Test
    void aCalendarQuarterAcrossTheAutumnFallBackIsAnHourLong() {
        Instant at = Instant.parse("2026-11-15T08:00:00Z");
        assertEquals(Instant.parse("2026-09-30T22:00:00Z"), SloWindow.CALENDAR_QUARTER.start(at, BERLIN));
        assertEquals(Instant.parse("2026-12-31T23:00:00Z"), SloWindow.CALENDAR_QUARTER.periodEnd(at, BERLIN));
        assertEquals(Duration.ofDays(92).plusHours(1), SloWindow.CALENDAR_QUARTER.periodLength(at, BERLIN));
    }

    @Test
    void februaryOfALeapYearHasTwentyNineDays() {
        Instant leapDay = Instant.parse("2028-02-29T10:00:00Z");
        assertEquals(Instant.parse("2028-02-01T00:00:00Z"), SloWindow.CALENDAR_MONTH.start(leapDay, ZoneOffset.UTC));
        assertEquals(Duration.ofDays(29), SloWindow.CALENDAR_MONTH.periodLength(leapDay, ZoneOffset.UTC));
        assertEquals(Duration.ofDays(28), SloWindow.CALENDAR_MONTH.periodLength(
                Instant.parse("2027-02-10T00:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void aMomentThatIsAlreadyNewYearInTheOrgZoneStartsTheNewQuarterThere() {
        // 31 Dec 23:30 UTC is already 1 January 00:30 in Berlin.
        Instant at = Instant.parse("2026-12-31T23:30:00Z");
        assertEquals(Instant.parse("2026-12-31T23:00:00Z"), SloWindow.CALENDAR_QUARTER.start(at, BERLIN));
        assertEquals(Instant.parse("2026-10-01T00:00:00Z"), SloWindow.CALENDAR_QUARTER.start(at, ZoneOffset.UTC));
    }
}
