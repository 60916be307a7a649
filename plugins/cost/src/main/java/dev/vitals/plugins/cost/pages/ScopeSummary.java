package dev.vitals.plugins.cost.pages;

import dev.vitals.api.ui.Chart;
import java.time.LocalDate;
import java.util.List;

/**
 * The cost of some services as a panel or tab shows it.
 *
 * @param currency the reporting currency
 * @param daily the cost per day over the last 90 days, as a chart
 * @param from the first day of the breakdowns
 * @param last their last day
 * @param total the cost over the breakdowns' days, rounded to cents
 * @param byCategory the cost per service category over those days
 * @param byProvider the cost per provider over those days
 * @param forecasts this month's forecast, and this quarter's where asked for
 */
public record ScopeSummary(String currency, Chart daily, LocalDate from, LocalDate last, String total,
        List<Share> byCategory, List<Share> byProvider, List<ForecastLine> forecasts) {
}
