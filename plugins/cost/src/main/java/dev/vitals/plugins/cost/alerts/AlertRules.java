package dev.vitals.plugins.cost.alerts;

import java.math.BigDecimal;
import java.util.Set;

/**
 * When a rise in cost is an alert: above both the relative threshold and the floor, over one of the periods.
 *
 * @param relativePercent the rise against the period before, in percent
 * @param floorPerDay the rise per day of the period, in the reporting currency
 * @param periods the periods watched
 */
public record AlertRules(BigDecimal relativePercent, BigDecimal floorPerDay, Set<Period> periods) {

    /**
     * @param current the cost of the period
     * @param previous the cost of the period before
     * @param days the days of the period
     * @return whether the rise is above both thresholds
     */
    public boolean alerts(BigDecimal current, BigDecimal previous, int days) {
        BigDecimal rise = current.subtract(previous);
        if (rise.signum() <= 0 || rise.compareTo(floorPerDay.multiply(BigDecimal.valueOf(days))) < 0) {
            return false;
        }
        // rise / previous > relative / 100, without dividing.
        return rise.multiply(BigDecimal.valueOf(100)).compareTo(previous.multiply(relativePercent)) > 0;
    }
}
