package dev.vitals.plugins.priorities.initiative;

import java.math.BigDecimal;

/**
 * How an initiative ticks its services by itself, from what another plugin publishes about each service: exactly
 * one of a measure (done while the service's latest value is at least a number) or a signal (done while its latest
 * status is the one named). A service without a reading keeps the state people gave it.
 *
 * @param measure the measure's rule, e.g. {@code {"name": "deploys.independent", "atLeast": 1}}
 * @param signal the signal's rule, e.g. {@code {"plugin": "slo", "kind": "error-budget", "status": "OK"}}
 */
public record TickRule(MeasureRule measure, SignalRule signal) {

    /**
     * @param name the measure, {@code <plugin>.<what>}
     * @param atLeast the value from which a service counts as done
     */
    public record MeasureRule(String name, BigDecimal atLeast) {
    }

    /**
     * @param plugin the publishing plugin's id
     * @param kind the signal's kind
     * @param status the status that means done: OK, WARN, CRITICAL or UNKNOWN
     */
    public record SignalRule(String plugin, String kind, String status) {
    }

    /** @return what the rule says, e.g. {@code deploys.independent ≥ 1}, for the page */
    public String says() {
        return measure != null ? measure.name() + " ≥ " + measure.atLeast().stripTrailingZeros().toPlainString()
                : signal.plugin() + " " + signal.kind() + " is " + signal.status();
    }

    /** @return who a tick by this rule is by, in the checklist and its events */
    public String describe() {
        return "rule: " + says();
    }
}
