package dev.vitals.plugins.cost.rules;

/**
 * The body of {@code PUT /api/cost/resource-rules}, as the API description shows it (read as {@link
 * ResourceRuleInput}).
 *
 * @param prefix the start of the resource ids, e.g. {@code arn:aws:s3:::checkout-}
 * @param service the service's key
 */
public record ResourceRuleBody(String prefix, String service) {
}
