package dev.vitals.plugins.cost.rules;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of {@code PUT /api/cost/resource-rules}.
 *
 * @param prefix the start of the resource ids, e.g. {@code arn:aws:s3:::checkout-}
 * @param service the service's key
 */
public record ResourceRuleInput(JsonNode prefix, JsonNode service) {
}
