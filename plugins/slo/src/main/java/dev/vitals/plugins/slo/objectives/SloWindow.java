package dev.vitals.plugins.slo.objectives;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Optional;

/**
 * The time an SLO is judged over: a rolling number of days, or the calendar month or quarter in the organisation's
 * time zone (so a month starts at local midnight on the 1st, whatever DST does).
 */
public enum SloWindow {
    ROLLING_7D("7d", Duration.ofDays(7), "rolling 7 d"),
    ROLLING_28D("28d", Duration.ofDays(28), "rolling 28 d"),
    ROLLING_30D("30d", Duration.ofDays(30), "rolling 30 d"),
    CALENDAR_MONTH("month", Duration.ofDays(30), "month to date"),
    CALENDAR_QUARTER("quarter", Duration.ofDays(90), "quarter to date");

    private final String code;
    private final Duration nominalLength;
    private final String label;

    SloWindow(String code, Duration nominalLength, String label) {
        this.code = code;
        this.nominalLength = nominalLength;
        this.label = label;
    }

    /**
     * @return the window as every page and verdict names it, {@code rolling 30 d} or {@code month to date}: a status
     *     that does not say its window cannot be compared with another page's
     */
    public String label() {
        return label;
    }

    /** @return how the API writes it: {@code 7d}, {@code 28d}, {@code 30d}, {@code month}, {@code quarter} */
    public String code() {
        return code;
    }

    /**
     * The length alert windows are scaled by: the rolling length, 30 days for a calendar month and 90 for a quarter,
     * so that alerts do not change sensitivity from one month to the next.
     */
    public Duration nominalLength() {
        return nominalLength;
    }

    public boolean calendar() {
        return this == CALENDAR_MONTH || this == CALENDAR_QUARTER;
    }

    /** @return the first instant of the window evaluated at {@code at}; the window is [start, at) */
    public Instant start(Instant at, ZoneId zone) {
        return switch (this) {
            case ROLLING_7D, ROLLING_28D, ROLLING_30D -> at.minus(nominalLength);
            case CALENDAR_MONTH, CALENDAR_QUARTER -> periodStart(at, zone).toInstant();
        };
    }

    /**
     * @return the first instant after the window's period: {@code at} plus the length for rolling windows (the window
     *     keeps moving), the start of the next month or quarter for calendar windows
     */
    public Instant periodEnd(Instant at, ZoneId zone) {
        return switch (this) {
            case ROLLING_7D, ROLLING_28D, ROLLING_30D -> at;
            case CALENDAR_MONTH -> periodStart(at, zone).plusMonths(1).toInstant();
            case CALENDAR_QUARTER -> periodStart(at, zone).plusMonths(3).toInstant();
        };
    }

    /** @return the whole length of the period that contains {@code at}: the days of this month or quarter */
    public Duration periodLength(Instant at, ZoneId zone) {
        return calendar() ? Duration.between(start(at, zone), periodEnd(at, zone)) : nominalLength;
    }

    private ZonedDateTime periodStart(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        int firstMonth = this == CALENDAR_QUARTER ? ((local.getMonthValue() - 1) / 3) * 3 + 1 : local.getMonthValue();
        return local.toLocalDate().withMonth(firstMonth).withDayOfMonth(1).atStartOfDay(zone);
    }

    /** @return the window the API calls {@code code}, if any */
    public static Optional<SloWindow> ofCode(String code) {
        return Arrays.stream(values()).filter(w -> w.code.equals(code)).findFirst();
    }
}
