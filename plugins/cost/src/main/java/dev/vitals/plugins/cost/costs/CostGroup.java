package dev.vitals.plugins.cost.costs;

import java.util.List;

/**
 * One group's cost over the period, in the reporting currency, as exact decimal strings.
 *
 * @param key the service's, team's or program's key, the billing account, provider or service category
 * @param cost direct plus shared
 * @param direct the cost of rows allocated to it directly (by their tag, a ResourceId prefix, its team's share of a
 *     sub-account, or for an account, provider or category,
 *     all its rows)
 * @param shared the part of shared cost allocated to it by shared-cost rules
 * @param sharedWithPrograms for a program, the other programs that count some of the same services (their cost is
 *     in each); empty otherwise
 */
public record CostGroup(String key, String cost, String direct, String shared, List<String> sharedWithPrograms) {

    /** A group no other counts too. */
    public CostGroup(String key, String cost, String direct, String shared) {
        this(key, cost, direct, shared, List.of());
    }
}
