package dev.vitals.plugins.cost.forecast;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A forecast total: the actual cost of the days known plus the forecast of the others, with its 80 % interval.
 *
 * @param actual the cost of the days already known, exact
 * @param total the actual cost plus the forecast, rounded to cents in its forecast part
 * @param low the interval's lower end; empty when the history is too short to measure one
 * @param high the interval's upper end; empty likewise
 * @param historyDays the days of cost history the forecast learnt from
 * @param note what limits the forecast, when something does
 */
public record Forecast(BigDecimal actual, BigDecimal total, Optional<BigDecimal> low, Optional<BigDecimal> high,
        int historyDays, Optional<String> note) {
}
