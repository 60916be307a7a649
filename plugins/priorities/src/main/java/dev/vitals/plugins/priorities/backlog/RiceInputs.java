package dev.vitals.plugins.priorities.backlog;

import dev.vitals.api.FieldError;
import java.math.BigDecimal;
import java.util.List;

/**
 * The inputs of a RICE score: reach × impact × confidence ÷ effort.
 *
 * @param reach people or events a quarter, a whole number from 0
 * @param impact one of 3, 2, 1, 0.5, 0.25
 * @param confidence one of 1.0, 0.8, 0.5
 * @param effort person-months, more than 0
 */
public record RiceInputs(BigDecimal reach, BigDecimal impact, BigDecimal confidence, BigDecimal effort) {

    static final List<BigDecimal> IMPACTS = List.of(new BigDecimal("3"), new BigDecimal("2"), BigDecimal.ONE,
            new BigDecimal("0.5"), new BigDecimal("0.25"));
    static final List<BigDecimal> CONFIDENCES = List.of(BigDecimal.ONE, new BigDecimal("0.8"), new BigDecimal("0.5"));
    static final BigDecimal MAX_REACH = new BigDecimal("1000000000");
    static final BigDecimal MAX_EFFORT = new BigDecimal("1200");

    /** Adds what is wrong, each error naming its field under {@code prefix} (e.g. {@code rice.impact}). */
    void check(String prefix, List<FieldError> errors) {
        if (reach == null) {
            errors.add(new FieldError(prefix + ".reach", "is required: people or events a quarter, e.g. 1000"));
        } else if (reach.signum() < 0 || reach.stripTrailingZeros().scale() > 0 || reach.compareTo(MAX_REACH) > 0) {
            errors.add(new FieldError(prefix + ".reach", "must be a whole number from 0 to 1000000000, got "
                    + reach.toPlainString()));
        }
        if (impact == null || IMPACTS.stream().noneMatch(i -> i.compareTo(impact) == 0)) {
            errors.add(new FieldError(prefix + ".impact", "must be one of 3, 2, 1, 0.5, 0.25, got "
                    + (impact == null ? "nothing" : impact.toPlainString())));
        }
        if (confidence == null || CONFIDENCES.stream().noneMatch(c -> c.compareTo(confidence) == 0)) {
            errors.add(new FieldError(prefix + ".confidence", "must be one of 1.0, 0.8, 0.5, got "
                    + (confidence == null ? "nothing" : confidence.toPlainString())));
        }
        if (effort == null || effort.signum() <= 0 || effort.compareTo(MAX_EFFORT) > 0) {
            errors.add(new FieldError(prefix + ".effort", "must be person-months, more than 0 and at most 1200, got "
                    + (effort == null ? "nothing" : effort.toPlainString())));
        }
    }

    /** @return the score, to 4 decimal places; call on checked inputs only */
    public BigDecimal score() {
        return Scores.exact(reach.multiply(impact).multiply(confidence), effort);
    }
}
