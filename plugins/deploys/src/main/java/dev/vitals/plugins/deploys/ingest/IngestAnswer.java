package dev.vitals.plugins.deploys.ingest;

/**
 * What {@code POST /api/deploys/events} and {@code /incidents} answer.
 *
 * @param received events in the body
 * @param stored events that were new (or, for incidents, newly resolved)
 * @param unchanged events that were already stored exactly so
 */
public record IngestAnswer(int received, int stored, int unchanged) {

    static IngestAnswer of(IngestResult result) {
        return new IngestAnswer(result.received(), result.stored(), result.unchanged());
    }
}
