package dev.vitals.plugins.slo.status;

import dev.vitals.plugins.slo.samples.Counts;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * How much of the allowed unreliability a window has used.
 *
 * @param consumed (1 − attainment) ÷ (1 − objective): 1 means all of it, more means overspent
 * @param remaining 1 − consumed; negative when overspent
 */
public record ErrorBudget(double consumed, double remaining) {

    /** @return the budget of a window with these counts, empty without data */
    public static Optional<ErrorBudget> of(Counts window, BigDecimal objective) {
        if (window.total() == 0) {
            return Optional.empty();
        }
        double consumed = ((double) (window.total() - window.good()) / window.total()) / Counts.budgetShare(objective);
        return Optional.of(new ErrorBudget(consumed, 1 - consumed));
    }

    public boolean spent() {
        return remaining <= 0;
    }
}
