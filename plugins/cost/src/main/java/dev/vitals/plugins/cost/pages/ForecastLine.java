package dev.vitals.plugins.cost.pages;

import dev.vitals.plugins.cost.forecast.Forecast;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One forecast total as pages show it, rounded to cents.
 *
 * @param label what the total covers, e.g. {@code This month}
 * @param from its first day
 * @param last its last day
 * @param actual the cost of the days already known
 * @param forecast the total, known days and forecast ones
 * @param low the interval's lower end; empty without an interval
 * @param high its upper end
 * @param note what limits the forecast, when something does
 */
public record ForecastLine(String label, LocalDate from, LocalDate last, String actual, String forecast,
        Optional<String> low, Optional<String> high, Optional<String> note) {

    static ForecastLine of(String label, LocalDate from, LocalDate until, Forecast f) {
        return new ForecastLine(label, from, until.minusDays(1), Amounts.cents(f.actual()), Amounts.cents(f.total()),
                f.low().map(Amounts::cents), f.high().map(Amounts::cents), f.note());
    }
}
