package dev.vitals.plugins.slo.status;

import dev.vitals.api.SignalStatus;
import java.util.Collection;
import java.util.Comparator;

/**
 * The organisation's error-budget policy as a verdict: a spent budget stops feature work in favour of reliability,
 * a low budget or a ticket-level burn asks for attention.
 *
 * @param status the verdict
 * @param summary one line for people
 */
public record BudgetPolicy(SignalStatus status, String summary) {

    /** Below this share of budget left a verdict is WARN. */
    static final double LOW_BUDGET = 0.25;

    /** @return the verdict on one SLO, its summary naming the SLO and its window */
    public static BudgetPolicy of(SloStatus status) {
        String slo = status.slo().name() + " (" + status.slo().window().label() + ")";
        if (status.budget().isEmpty()) {
            return new BudgetPolicy(SignalStatus.UNKNOWN, slo + ": no data in the window");
        }
        double remaining = status.budget().get().remaining();
        String left = Percent.of(remaining, 1) + " of the error budget left";
        if (status.budget().get().spent()) {
            return new BudgetPolicy(SignalStatus.CRITICAL, slo + ": budget spent — prioritise reliability (" + left
                    + ")");
        }
        if (remaining < LOW_BUDGET) {
            return new BudgetPolicy(SignalStatus.WARN, slo + ": " + left);
        }
        if (status.ticketing() || status.paging()) {
            return new BudgetPolicy(SignalStatus.WARN, slo + ": burning fast, " + left);
        }
        return new BudgetPolicy(SignalStatus.OK, slo + ": " + left);
    }

    /**
     * The verdict for something several SLOs stand for, such as a component and its services: the worst one; UNKNOWN
     * only when no SLO has data.
     */
    public static BudgetPolicy worst(Collection<BudgetPolicy> verdicts) {
        return verdicts.stream().filter(v -> v.status() != SignalStatus.UNKNOWN)
                .max(Comparator.comparing(BudgetPolicy::status))
                .orElse(new BudgetPolicy(SignalStatus.UNKNOWN, "no SLO has data in its window"));
    }
}
