package dev.vitals.plugins.deploys.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What {@code POST /api/deploys/events} and {@code /incidents} answer.
 *
 * @param received events in the body
 * @param stored events that were new (or, for incidents, newly resolved)
 * @param unchanged events that were already stored (or waiting to be applied) exactly so
 * @param queued a deployment sent alone and new: acknowledged, and applied moments after the answer (202); absent
 *     for batches and incidents, which are applied before the answer
 */
public record IngestAnswer(int received, int stored, int unchanged,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer queued) {

    static IngestAnswer of(IngestResult result) {
        return new IngestAnswer(result.received(), result.stored(), result.unchanged(), null);
    }

    /** @param queued whether the deployment sent alone was new @return the answer to it */
    static IngestAnswer alone(boolean queued) {
        return new IngestAnswer(1, 0, queued ? 0 : 1, queued ? 1 : 0);
    }
}
