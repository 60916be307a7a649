package dev.vitals.plugins.deploys.migration;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/** The Sundays the migration charts sample: the share migrated at the end of each of the last 26 weeks. */
final class WeekEnds {

    static final int WEEKS = 26;

    private WeekEnds() {
    }

    /** @param today the current date in the org zone @return the Sundays, oldest first, the last on or after today */
    static List<LocalDate> upTo(LocalDate today) {
        LocalDate sunday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        List<LocalDate> dates = new ArrayList<>();
        for (int i = WEEKS - 1; i >= 0; i--) {
            dates.add(sunday.minusWeeks(i));
        }
        return dates;
    }
}
