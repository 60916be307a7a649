package dev.vitals.plugins.slo.objectives;

import java.util.Arrays;
import java.util.Optional;

/** How good and bad are counted: per event, or per minute judged against a threshold. */
public enum BudgetingMethod {
    /** Good events ÷ all events. */
    OCCURRENCES("occurrences"),
    /** Good minutes ÷ minutes with data; a minute is good when its value is at most the slice threshold. */
    TIMESLICES("timeslices");

    private final String code;

    BudgetingMethod(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<BudgetingMethod> ofCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
    }
}
