package dev.vitals.plugins.slo.samples;

import java.time.Instant;

/**
 * A validated minute of an SLO's data: good and total for occurrences, value for timeslices.
 *
 * @param slo the SLO's name
 * @param minute the minute's start
 * @param good good events, or null for timeslices
 * @param total all events, or null for timeslices
 * @param value the measurement, or null for occurrences
 */
public record Sample(String slo, Instant minute, Long good, Long total, Double value) {
}
