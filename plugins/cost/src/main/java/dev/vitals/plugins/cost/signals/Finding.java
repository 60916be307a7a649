package dev.vitals.plugins.cost.signals;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An open anomaly or alert of a service on a day, as the signal weighs it.
 *
 * @param day the day
 * @param impact the cost above expectation (an anomaly) or the rise per day (an alert)
 * @param link the page that shows it
 */
public record Finding(LocalDate day, BigDecimal impact, String link) {
}
