package dev.vitals.plugins.cost.anomalies;

import java.time.Instant;
import java.util.Optional;

/**
 * Who dismissed an anomaly, when and why.
 *
 * @param by the person or token
 * @param at when
 * @param reason {@code planned} or {@code known}
 * @param note what they wrote, if anything
 */
public record Dismissal(String by, Instant at, String reason, Optional<String> note) {
}
