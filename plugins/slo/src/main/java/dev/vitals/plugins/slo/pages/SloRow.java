package dev.vitals.plugins.slo.pages;

import dev.vitals.api.ui.StatusBadge;
import dev.vitals.plugins.slo.objectives.ExactDecimal;
import dev.vitals.plugins.slo.objectives.Slo;
import dev.vitals.plugins.slo.status.BudgetPolicy;
import dev.vitals.plugins.slo.status.ErrorBudget;
import dev.vitals.plugins.slo.status.Percent;
import dev.vitals.plugins.slo.status.SloStatus;

/**
 * One SLO as the overview and tabs show it.
 *
 * @param status where it stands now
 * @param verdict the error-budget policy's verdict
 */
public record SloRow(SloStatus status, BudgetPolicy verdict) {

    /** @return the row of an SLO's status, with the policy's verdict on it */
    public static SloRow of(SloStatus status) {
        return new SloRow(status, BudgetPolicy.of(status));
    }

    public Slo slo() {
        return status.slo();
    }

    /** @return for sorting: the budget left, no data last */
    double remainingOrMax() {
        return status.budget().map(ErrorBudget::remaining).orElse(Double.MAX_VALUE);
    }

    public String attainment() {
        return status.attainment().isPresent() ? Percent.of(status.attainment().getAsDouble(), 3) : "no data";
    }

    public String remaining() {
        return status.budget().map(b -> Percent.of(b.remaining(), 1)).orElse("no data");
    }

    public String objective() {
        return ExactDecimal.percent(slo().objective());
    }

    /** @return the policy's verdict as a badge, its summary beside it */
    public StatusBadge badge() {
        return StatusBadge.of(verdict.status()).because(verdict.summary());
    }
}
