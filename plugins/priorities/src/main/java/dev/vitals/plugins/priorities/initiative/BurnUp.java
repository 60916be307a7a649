package dev.vitals.plugins.priorities.initiative;

import java.time.LocalDate;
import java.util.List;

/**
 * An initiative's burn-up: per day, in the organisation's time zone, the services on its checklist and those done at
 * the end of that day.
 *
 * @param item the item's id
 * @param days one entry per day, oldest first
 */
public record BurnUp(long item, List<Day> days) {

    /**
     * @param day the day
     * @param done services done at its end
     * @param total services on the checklist at its end
     */
    public record Day(LocalDate day, int done, int total) {
    }
}
