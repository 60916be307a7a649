package dev.vitals.plugins.priorities.backlog;

import dev.vitals.api.FieldError;
import java.math.BigDecimal;
import java.util.List;

/**
 * The inputs of a WSJF score: (business value + time criticality + risk reduction) ÷ job size, each on the
 * Fibonacci scale 1, 2, 3, 5, 8, 13, 20.
 */
public record WsjfInputs(BigDecimal businessValue, BigDecimal timeCriticality, BigDecimal riskReduction,
        BigDecimal jobSize) {

    static final List<Integer> SCALE = List.of(1, 2, 3, 5, 8, 13, 20);

    void check(String prefix, List<FieldError> errors) {
        scale(prefix + ".businessValue", businessValue, errors);
        scale(prefix + ".timeCriticality", timeCriticality, errors);
        scale(prefix + ".riskReduction", riskReduction, errors);
        scale(prefix + ".jobSize", jobSize, errors);
    }

    private static void scale(String field, BigDecimal value, List<FieldError> errors) {
        if (value == null || SCALE.stream().noneMatch(s -> BigDecimal.valueOf(s).compareTo(value) == 0)) {
            errors.add(new FieldError(field, "must be one of 1, 2, 3, 5, 8, 13, 20, got "
                    + (value == null ? "nothing" : value.toPlainString())));
        }
    }

    /** @return the score, to 4 decimal places; call on checked inputs only */
    public BigDecimal score() {
        return Scores.exact(businessValue.add(timeCriticality).add(riskReduction), jobSize);
    }

    static WsjfInputs of(int businessValue, int timeCriticality, int riskReduction, int jobSize) {
        return new WsjfInputs(BigDecimal.valueOf(businessValue), BigDecimal.valueOf(timeCriticality),
                BigDecimal.valueOf(riskReduction), BigDecimal.valueOf(jobSize));
    }
}
