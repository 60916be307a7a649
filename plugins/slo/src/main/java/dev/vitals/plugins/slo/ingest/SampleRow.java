package dev.vitals.plugins.slo.ingest;

/**
 * One row of {@code POST /api/slo/samples}.
 *
 * @param slo the SLO's name
 * @param minute the minute's start, ISO-8601, on a minute boundary
 * @param good good events in the minute (occurrences)
 * @param total all events in the minute (occurrences)
 * @param value the minute's measurement, compared with the slice threshold (timeslices)
 */
public record SampleRow(String slo, String minute, Long good, Long total, Double value) {
}
