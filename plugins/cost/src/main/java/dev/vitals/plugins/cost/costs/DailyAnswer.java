package dev.vitals.plugins.cost.costs;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer of {@code GET /api/cost/costs/daily}: every day of [from, to), days without charges at zero.
 *
 * @param currency the reporting currency
 * @param from the first day
 * @param to the day after the last
 * @param days the days in order
 */
public record DailyAnswer(String currency, LocalDate from, LocalDate to, List<DayCost> days) {
}
