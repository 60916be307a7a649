package dev.vitals.plugins.slo.api;

/**
 * The answer of {@code POST /api/slo/samples}.
 *
 * @param received rows in the batch
 * @param added rows that were new; a replay adds none
 */
public record IngestResult(int received, int added) {
}
