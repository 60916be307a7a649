package dev.vitals.plugins.slo.status;

import dev.vitals.api.SignalStatus;
import dev.vitals.api.ui.StatusBadge;
import dev.vitals.plugins.slo.objectives.ExactDecimal;
import dev.vitals.plugins.slo.objectives.Slo;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An SLO as the overview shows it: its status at its last evaluation.
 *
 * @param slo the SLO
 * @param evaluatedAt when it was last evaluated; empty when it has not been yet
 * @param attainmentShare good ÷ total over the window then, empty without data
 * @param remainingShare the error budget left then, empty without data
 * @param verdict the error-budget policy's verdict then; empty when not evaluated yet
 */
public record StoredStatus(Slo slo, Optional<Instant> evaluatedAt, OptionalDouble attainmentShare,
        OptionalDouble remainingShare, Optional<BudgetPolicy> verdict) {

    public String objective() {
        return ExactDecimal.percent(slo.objective());
    }

    public String attainment() {
        return attainmentShare.isPresent() ? Percent.of(attainmentShare.getAsDouble(), 3) : noData();
    }

    public String remaining() {
        return remainingShare.isPresent() ? Percent.of(remainingShare.getAsDouble(), 1) : noData();
    }

    private String noData() {
        return evaluatedAt.isPresent() ? "no data" : "not evaluated yet";
    }

    public String summary() {
        return verdict.map(BudgetPolicy::summary).orElse("evaluated within a minute");
    }

    /** @return the policy's verdict then as a badge, its summary beside it; unknown before the first evaluation */
    public StatusBadge badge() {
        return StatusBadge.of(verdict.map(BudgetPolicy::status).orElse(SignalStatus.UNKNOWN)).because(summary());
    }
}
