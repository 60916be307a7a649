package dev.vitals.plugins.cost.rules;

import java.util.List;

/**
 * The answer of {@code GET /api/cost/resource-rules} and {@code GET /api/cost/sub-account-rules}.
 *
 * @param resourceRules the ResourceId prefix rules, longest prefix first
 * @param subAccountRules the sub-account rules
 */
public record DirectRuleLists(List<ResourceRuleView> resourceRules, List<SubAccountRuleView> subAccountRules) {
}
