package dev.vitals.plugins.cost.rules;

import dev.vitals.plugins.cost.allocation.ResourceRule;
import java.time.Instant;

/**
 * A ResourceId prefix rule.
 *
 * @param prefix the start of the resource ids, compared exactly
 * @param service the service's key
 * @param setBy who set it
 * @param setAt when
 */
public record ResourceRuleView(String prefix, String service, String setBy, Instant setAt) {

    static ResourceRuleView of(ResourceRule rule) {
        return new ResourceRuleView(rule.prefix(), rule.service().key(), rule.setBy(), rule.setAt());
    }
}
