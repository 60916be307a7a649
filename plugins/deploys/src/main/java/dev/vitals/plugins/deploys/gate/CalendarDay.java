package dev.vitals.plugins.deploys.gate;

import java.time.LocalDate;
import java.util.List;

/**
 * One day of the freeze calendar.
 *
 * @param date the day
 * @param weekday its name, e.g. {@code Mon}
 * @param windows the org-wide, team and service windows on that day, in words
 */
public record CalendarDay(LocalDate date, String weekday, List<String> windows) {
}
