package dev.vitals.plugins.cost.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitals.plugins.cost.allocation.SubAccountRule;

/**
 * A sub-account rule.
 *
 * @param subAccountId the FOCUS {@code SubAccountId}
 * @param team the team's key
 * @param split how its cost is spread over the team's services
 */
public record SubAccountRuleView(String subAccountId, String team, JsonNode split) {

    static SubAccountRuleView of(SubAccountRule rule) {
        return new SubAccountRuleView(rule.subAccountId(), rule.team().key(), rule.split().json());
    }
}
