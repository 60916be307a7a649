package dev.vitals.plugins.slo.samples;

import java.math.BigDecimal;
import java.util.OptionalDouble;

/**
 * Good and total over some minutes: events for occurrences, minutes for timeslices.
 *
 * @param good the good ones
 * @param total all of them
 */
public record Counts(long good, long total) {

    public static final Counts NONE = new Counts(0, 0);

    public Counts plus(Counts other) {
        return new Counts(good + other.good, total + other.total);
    }

    public Counts minus(Counts other) {
        return new Counts(good - other.good, total - other.total);
    }

    /** @return good ÷ total, empty when there is nothing to count (no data is not 100 %) */
    public OptionalDouble attainment() {
        return total == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) good / total);
    }

    /** @return how fast the budget burns: the bad share ÷ the budget's share, 1 spends it exactly over the window */
    public OptionalDouble burnRate(BigDecimal objective) {
        return total == 0 ? OptionalDouble.empty()
                : OptionalDouble.of(((double) (total - good) / total) / budgetShare(objective));
    }

    /**
     * @return the error budget's share, 1 − objective. Rates are computed in doubles; the objective becomes one only
     *     here, so budgets, burn rates and the policy's verdicts are the same as they were for objectives stored as
     *     doubles.
     */
    public static double budgetShare(BigDecimal objective) {
        return 1 - objective.doubleValue();
    }
}
