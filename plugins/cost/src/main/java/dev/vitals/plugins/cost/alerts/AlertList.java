package dev.vitals.plugins.cost.alerts;

import java.time.LocalDate;
import java.util.List;

/**
 * The alerts of a period.
 *
 * @param currency the reporting currency
 * @param from the first day
 * @param to the day after the last
 * @param alerts the latest day first
 */
public record AlertList(String currency, LocalDate from, LocalDate to, List<AlertView> alerts) {
}
