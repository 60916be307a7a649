package dev.vitals.plugins.priorities.initiative;

import java.time.Instant;

/**
 * One service on an initiative's checklist.
 *
 * @param service the service's catalog key, e.g. {@code checkout-api}
 * @param done whether it is done
 * @param changedBy who (or which tick rule) last added or ticked it
 * @param changedAt when
 */
public record ChecklistEntry(String service, boolean done, String changedBy, Instant changedAt) {
}
