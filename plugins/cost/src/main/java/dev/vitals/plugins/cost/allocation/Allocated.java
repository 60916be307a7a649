package dev.vitals.plugins.cost.allocation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One service's allocated cost of one day.
 *
 * @param day the day, in the organisation's time zone
 * @param service the service's canonical ref; {@code ""} for the day's unallocated cost
 * @param direct its own rows' cost (tag, ResourceId prefix) and its share of its team's sub-account cost
 * @param shared its shares of shared-cost rules
 */
public record Allocated(LocalDate day, String service, BigDecimal direct, BigDecimal shared) {

    /** The service of the unallocated line. */
    public static final String UNALLOCATED = "";
}
