package dev.vitals.plugins.cost.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The answer of {@code GET /api/cost/forecast}: amounts are exact decimal strings in the reporting currency.
 *
 * @param currency the reporting currency
 * @param from the first day of the total: the first day of the current month
 * @param until the day after its last
 * @param forecast the actual cost of the days known plus the forecast of the others
 * @param low the lower end of the interval; null when the history is too short to measure one
 * @param high the upper end; null likewise
 * @param interval the share of outcomes the interval should hold
 * @param method how the forecast is made
 * @param actual the cost of the days already known, part of the forecast
 * @param knownThrough the last day whose cost is known; null when nothing was imported
 * @param historyDays the days of cost history the forecast learnt from
 * @param note what limits the forecast (too little history), null when nothing does
 */
public record ForecastAnswer(String currency, LocalDate from, LocalDate until, String forecast, Optional<String> low,
        Optional<String> high, BigDecimal interval, String method, String actual, Optional<LocalDate> knownThrough,
        int historyDays, Optional<String> note) {
}
