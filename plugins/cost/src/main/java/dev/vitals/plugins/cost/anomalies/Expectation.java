package dev.vitals.plugins.cost.anomalies;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What one service's day was expected to cost, and what it cost.
 *
 * @param day the organisation's day
 * @param cost what it cost, exact
 * @param expected the baseline, rounded to cents
 * @param low the band's lower edge, rounded to cents
 * @param high the band's upper edge, rounded to cents; a cost above it is an anomaly
 * @param score how far above the baseline, in robust standard deviations (the band's edge is {@value
 *     SeasonalBaseline#Z})
 * @param method {@link SeasonalBaseline#SEASONAL}, or the period-over-period fallback while history is short
 * @param historyDays the days of history before this day
 */
public record Expectation(LocalDate day, BigDecimal cost, BigDecimal expected, BigDecimal low, BigDecimal high,
        double score, String method, int historyDays) {

    /** @return whether the cost is above the band */
    public boolean anomalous() {
        return cost.compareTo(high) > 0;
    }

    /** @return cost minus expected */
    public BigDecimal impact() {
        return cost.subtract(expected);
    }
}
