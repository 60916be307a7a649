package dev.vitals.plugins.cost.allocation;

/** A rule that cannot be saved: the field at fault and what it should be, for a 422 naming it. */
public final class RuleProblem extends RuntimeException {

    private final String field;

    public RuleProblem(String field, String reason) {
        super(reason);
        this.field = field;
    }

    /** @return the field at fault, e.g. {@code split.measure} */
    public String field() {
        return field;
    }
}
