package dev.vitals.plugins.cost.alerts;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The periods a change is measured over, each ending on the day assessed, against the period before it. */
public enum Period {
    /** The day against the day before. */
    DAY,
    /** The 7 days ending on the day against the 7 before them. */
    WEEK,
    /** The month so far against as many days from the start of the month before. */
    MONTH;

    /** The words the API takes. */
    public static final String CHOICES = Arrays.stream(values()).map(Period::word).collect(Collectors.joining(", "));

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Period> of(String word) {
        return Arrays.stream(values()).filter(p -> p.word().equals(word)).findFirst();
    }

    /** @return the first day of the period ending on {@code day} */
    public LocalDate currentFrom(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.minusDays(6);
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    /** @return the first day of the period it is compared with */
    public LocalDate previousFrom(LocalDate day) {
        return switch (this) {
            case DAY -> day.minusDays(1);
            case WEEK -> day.minusDays(13);
            case MONTH -> day.withDayOfMonth(1).minusMonths(1);
        };
    }

    /** @return the day after the last of the period it is compared with */
    public LocalDate previousTo(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.minusDays(6);
            case MONTH -> {
                LocalDate start = day.withDayOfMonth(1).minusMonths(1);
                yield start.plusDays(Math.min(day.getDayOfMonth(), start.lengthOfMonth()));
            }
        };
    }

    /** @return the days of the current period, over which the floor per day is counted */
    public int days(LocalDate day) {
        return switch (this) {
            case DAY -> 1;
            case WEEK -> 7;
            case MONTH -> day.getDayOfMonth();
        };
    }
}
