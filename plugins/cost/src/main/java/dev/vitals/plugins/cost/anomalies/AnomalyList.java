package dev.vitals.plugins.cost.anomalies;

import java.time.LocalDate;
import java.util.List;

/**
 * The anomalies of a period.
 *
 * @param currency the reporting currency
 * @param from the first day
 * @param to the day after the last
 * @param method the detection method
 * @param warmUpDays the history the method needs; services with less are assessed period-over-period
 * @param anomalies the latest day first, then the highest score
 */
public record AnomalyList(String currency, LocalDate from, LocalDate to, String method, int warmUpDays,
        List<AnomalyView> anomalies) {
}
