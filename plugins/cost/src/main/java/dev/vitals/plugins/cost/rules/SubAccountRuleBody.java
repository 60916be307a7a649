package dev.vitals.plugins.cost.rules;

/**
 * The body of {@code PUT /api/cost/sub-account-rules/{subAccountId}}, as the API description shows it (read as
 * {@link SubAccountRuleInput}).
 *
 * @param team the team's key
 * @param split {@code even} (when absent), {@code proportional}, or the object {@code {"measure": "slo.requests"}}
 */
public record SubAccountRuleBody(String team, String split) {
}
