package dev.vitals.plugins.cost.costs;

/**
 * One group's cost over the period, in the reporting currency, as exact decimal strings.
 *
 * @param key the service's, team's or program's key, the billing account, provider or service category
 * @param cost direct plus shared
 * @param direct the cost of rows allocated to it directly (by their tag, or for an account, provider or category,
 *     all its rows)
 * @param shared the part of shared cost allocated to it; none yet
 */
public record CostGroup(String key, String cost, String direct, String shared) {
}
