package dev.vitals.plugins.slo.ingest;

import java.time.Instant;
import java.util.Optional;

/**
 * The last Prometheus pull of one SLO, as its page shows it.
 *
 * @param pulledUntil the first minute not pulled yet; empty before the first successful pull
 * @param attemptedAt when it ran
 * @param succeeded whether it stored its minutes
 * @param message what happened, in words
 * @param minutesAdded how many minutes it stored
 */
public record PullOutcome(Optional<Instant> pulledUntil, Instant attemptedAt, boolean succeeded, String message,
        int minutesAdded) {
}
