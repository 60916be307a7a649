package dev.vitals.plugins.priorities.evidence;

import java.time.Instant;

/**
 * The signal behind a proposal, as it last stood.
 *
 * @param plugin the plugin that published it, e.g. {@code slo}
 * @param kind its kind, e.g. {@code error-budget}
 * @param status WARN or CRITICAL
 * @param summary its summary, in the publisher's words
 * @param value the number behind it, if any
 * @param link where to see the detail
 * @param observedAt when it was published
 */
public record Evidence(String plugin, String kind, String status, String summary, Double value, String link,
        Instant observedAt) {
}
