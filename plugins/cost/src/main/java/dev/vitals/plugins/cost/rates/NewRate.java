package dev.vitals.plugins.cost.rates;

import java.math.BigDecimal;

/**
 * The body of {@code PUT /api/cost/rates/{currency}/{month}}.
 *
 * @param rate how many units of the reporting currency one unit of the currency is, a JSON number such as
 *     {@code 1.0852}, read exactly (never through a binary floating point number)
 */
public record NewRate(BigDecimal rate) {
}
