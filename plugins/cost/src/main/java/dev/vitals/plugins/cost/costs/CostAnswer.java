package dev.vitals.plugins.cost.costs;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer of {@code GET /api/cost/costs}: amounts are exact decimal strings in the reporting currency, over the
 * days [from, to) of the organisation's time zone, by the day each charge's period starts.
 *
 * @param currency the reporting currency
 * @param from the first day
 * @param to the day after the last
 * @param total every cost in scope: the groups' services plus the unallocated
 * @param unallocated cost whose rows name no catalog service
 * @param groups the groups, largest cost first
 */
public record CostAnswer(String currency, LocalDate from, LocalDate to, String total, String unallocated,
        List<CostGroup> groups) {
}
