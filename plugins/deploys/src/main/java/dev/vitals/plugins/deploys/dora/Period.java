package dev.vitals.plugins.deploys.dora;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The dates {@code [from, to)} in the organisation's time zone: from midnight at the start of {@code from} to
 * midnight at the start of {@code to}, local time, whatever daylight saving does in between.
 *
 * @param from the first date
 * @param to the date after the last
 * @param zone the organisation's time zone
 */
public record Period(LocalDate from, LocalDate to, ZoneId zone) {

    public Period {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("a period ends after it starts: from " + from + ", to " + to);
        }
    }

    /** @param today the current date in the org zone @param days how many @return the days up to and with today */
    public static Period lastDays(LocalDate today, int days, ZoneId zone) {
        return new Period(today.plusDays(1 - (long) days), today.plusDays(1), zone);
    }

    /**
     * @param today the current date in the org zone
     * @param weeks how many ISO weeks
     * @param zone the org zone
     * @return the whole ISO weeks up to and with the current one, Monday to Sunday
     */
    public static Period lastWeeks(LocalDate today, int weeks, ZoneId zone) {
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new Period(monday.minusWeeks(weeks - 1L), monday.plusWeeks(1), zone);
    }

    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    public Instant end() {
        return to.atStartOfDay(zone).toInstant();
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to);
    }

    /** @return the Monday of every ISO week that overlaps the period */
    public List<LocalDate> weekStarts() {
        List<LocalDate> weeks = new ArrayList<>();
        for (LocalDate monday = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)); monday.isBefore(to);
                monday = monday.plusWeeks(1)) {
            weeks.add(monday);
        }
        return weeks;
    }

    /** @return every calendar month that overlaps the period */
    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to.minusDays(1)));
                month = month.plusMonths(1)) {
            months.add(month);
        }
        return months;
    }
}
