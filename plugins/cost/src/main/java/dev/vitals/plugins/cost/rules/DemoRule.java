package dev.vitals.plugins.cost.rules;

import dev.vitals.plugins.cost.allocation.Among;
import dev.vitals.plugins.cost.allocation.RuleMatch;
import dev.vitals.plugins.cost.allocation.SharedRule;
import dev.vitals.plugins.cost.allocation.Split;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The demo organisation's shared platform cost: rows tagged {@code shared=platform} split among every service in
 * proportion to its direct cost, over all the demo's history. Saved once; a restart leaves it as it is.
 */
public final class DemoRule {

    /** The rule's name. */
    public static final String NAME = "platform";

    private final AllocationRules rules;

    public DemoRule(AllocationRules rules) {
        this.rules = rules;
    }

    public void seed() {
        if (!rules.exists(NAME)) {
            rules.save(NAME, Optional.of(new SharedRule(NAME, new RuleMatch(RuleMatch.Kind.TAG, "shared", "platform"),
                    Split.PROPORTIONAL, new Among(Optional.empty()))), Optional.of(LocalDate.of(2000, 1, 1)), "demo");
        }
    }
}
