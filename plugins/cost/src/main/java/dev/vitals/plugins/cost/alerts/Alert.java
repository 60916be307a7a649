package dev.vitals.plugins.cost.alerts;

import dev.vitals.api.EntityRef;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * A rise of a service's or a team's cost over a period above both thresholds.
 *
 * @param subject the service or team
 * @param period the period
 * @param day the day the period ends on
 * @param current the cost of the period
 * @param previous the cost of the period before
 */
public record Alert(EntityRef subject, Period period, LocalDate day, BigDecimal current, BigDecimal previous) {

    /** @return the rise per day of the period */
    public BigDecimal risePerDay() {
        return current.subtract(previous).divide(BigDecimal.valueOf(period.days(day)), 10, RoundingMode.HALF_EVEN);
    }

    /** @return whether the subject is a team */
    public boolean aboutTeam() {
        return subject.kind().equalsIgnoreCase("group");
    }
}
