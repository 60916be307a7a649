package dev.vitals.plugins.cost.rates;

import java.util.List;

/**
 * The rates into the reporting currency, newest month first.
 *
 * @param reporting the reporting currency
 * @param rates the rates
 */
public record RateList(String reporting, List<Rate> rates) {
}
