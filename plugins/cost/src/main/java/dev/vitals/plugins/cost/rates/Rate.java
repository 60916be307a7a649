package dev.vitals.plugins.cost.rates;

import java.time.Instant;

/**
 * An exchange rate admins keep for one month, as the API writes it.
 *
 * @param currency the billing currency, ISO 4217
 * @param reporting the reporting currency it converts into
 * @param month the month, e.g. 2024-09
 * @param rate how many units of {@code reporting} one unit of {@code currency} is, exact, as a decimal string
 * @param setBy who set it
 * @param setAt when
 */
public record Rate(String currency, String reporting, String month, String rate, String setBy, Instant setAt) {
}
