package dev.vitals.plugins.deploys.integrations;

import java.time.Instant;

/**
 * One change to an integration's secret.
 *
 * @param at when
 * @param actor who
 * @param action added, rotated or deleted
 * @param integration which
 * @param kind github or pagerduty
 */
public record IntegrationLogEntry(Instant at, String actor, String action, String integration, String kind) {
}
