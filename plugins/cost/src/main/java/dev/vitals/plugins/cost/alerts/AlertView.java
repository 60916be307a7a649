package dev.vitals.plugins.cost.alerts;

import dev.vitals.plugins.cost.web.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One alert as the API answers it.
 *
 * @param kind service or team
 * @param subject the service's or team's key
 * @param period day, week or month
 * @param date the day the period ends on
 * @param current the cost of the period
 * @param previous the cost of the period before
 * @param risePercent the rise against the period before, in percent, rounded to a tenth; empty when that was 0
 * @param risePerDay the rise per day of the period
 */
public record AlertView(String kind, String subject, String period, LocalDate date, String current, String previous,
        Optional<String> risePercent, String risePerDay) {

    static AlertView of(Alert a) {
        BigDecimal rise = a.current().subtract(a.previous());
        Optional<String> percent = a.previous().signum() == 0 ? Optional.empty() : Optional.of(rise
                .multiply(BigDecimal.valueOf(100)).divide(a.previous(), 1, RoundingMode.HALF_EVEN).toPlainString());
        return new AlertView(a.aboutTeam() ? "team" : "service", a.subject().key(), a.period().word(), a.day(),
                Money.text(a.current()), Money.text(a.previous()), percent,
                Money.text(a.risePerDay().setScale(2, RoundingMode.HALF_EVEN)));
    }
}
