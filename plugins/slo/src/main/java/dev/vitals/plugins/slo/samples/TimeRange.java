package dev.vitals.plugins.slo.samples;

import java.time.Instant;

/**
 * The minutes that start in [from, to).
 *
 * @param from the first instant included
 * @param to the first instant excluded
 */
public record TimeRange(Instant from, Instant to) {
}
