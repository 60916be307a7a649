package dev.vitals.plugins.deploys.integrations;

/**
 * An integration as {@code POST /api/deploys/integrations} receives it.
 *
 * @param name 1 to 63 letters, digits or dashes, e.g. {@code payments-github}
 * @param kind {@code github} or {@code pagerduty}
 */
public record SentIntegration(String name, String kind) {
}
