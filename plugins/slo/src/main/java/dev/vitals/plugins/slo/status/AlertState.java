package dev.vitals.plugins.slo.status;

import java.util.OptionalDouble;

/**
 * One burn-rate alert of an SLO at one moment.
 *
 * @param alert the rule
 * @param longBurn the burn rate over its long window, empty without data
 * @param shortBurn the burn rate over its short window, empty without data
 */
public record AlertState(BurnRateAlert alert, OptionalDouble longBurn, OptionalDouble shortBurn) {

    /** @return whether both burn rates exceed the threshold; without data an alert does not fire */
    public boolean firing() {
        return longBurn.isPresent() && shortBurn.isPresent()
                && longBurn.getAsDouble() > alert.threshold() && shortBurn.getAsDouble() > alert.threshold();
    }
}
