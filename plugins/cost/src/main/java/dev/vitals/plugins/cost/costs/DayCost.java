package dev.vitals.plugins.cost.costs;

import java.time.LocalDate;

/**
 * One day's cost in the reporting currency, as an exact decimal string.
 *
 * @param date the day in the organisation's time zone
 * @param cost the cost of the charges whose period starts that day
 */
public record DayCost(LocalDate date, String cost) {
}
