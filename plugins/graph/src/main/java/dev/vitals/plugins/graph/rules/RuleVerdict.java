package dev.vitals.plugins.graph.rules;

import dev.vitals.api.EntityRef;
import java.util.List;

/**
 * What the dependency rules say about one service.
 *
 * @param service the service
 * @param findings one sentence per broken rule; none when the service keeps them all
 */
public record RuleVerdict(EntityRef service, List<String> findings) {

    /** @return true when a rule is broken */
    public boolean warns() {
        return !findings.isEmpty();
    }

    /** @return the signal's summary: the findings, or that the rules hold */
    public String summary() {
        return warns() ? String.join("; ", findings) : "dependencies keep the tier, lifecycle and cycle rules";
    }
}
