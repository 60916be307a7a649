package dev.vitals.plugins.cost.rules;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of {@code PUT /api/cost/sub-account-rules/{subAccountId}}.
 *
 * @param team the team's key
 * @param split {@code "even"} (when absent), {@code "proportional"} or {@code {"measure": "slo.requests"}}
 */
public record SubAccountRuleInput(JsonNode team, JsonNode split) {
}
