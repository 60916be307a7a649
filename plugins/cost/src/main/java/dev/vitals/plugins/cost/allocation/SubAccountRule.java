package dev.vitals.plugins.cost.allocation;

import dev.vitals.api.EntityRef;

/**
 * Rows of a sub-account that neither a tag, a shared rule nor a ResourceId prefix allocates belong to a team, spread
 * over its services.
 *
 * @param subAccountId the FOCUS {@code SubAccountId}
 * @param team the team
 * @param split how the cost is spread over the team's services
 */
public record SubAccountRule(String subAccountId, EntityRef team, Split split) {
}
