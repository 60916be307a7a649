package dev.vitals.plugins.cost.imports;

import java.time.Instant;

/**
 * One billing account's billing period, the unit a re-import replaces.
 *
 * @param billingAccountId the account
 * @param start the period's first instant
 * @param rows how many rows of the file belong to it
 */
public record BillingPeriod(String billingAccountId, Instant start, long rows) {
}
