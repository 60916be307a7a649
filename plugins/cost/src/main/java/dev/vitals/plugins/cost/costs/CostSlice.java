package dev.vitals.plugins.cost.costs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The cost of the charges of one day that share a grouping column and an allocation tag.
 *
 * @param day the day the charges' periods start, in the organisation's time zone
 * @param dimension the grouping column's value (account, provider, category), empty text for catalog groupings
 * @param tag the allocation tag, lower case; empty for rows that carry none
 * @param cost the sum, exact, in the reporting currency
 */
public record CostSlice(LocalDate day, String dimension, Optional<String> tag, BigDecimal cost) {
}
