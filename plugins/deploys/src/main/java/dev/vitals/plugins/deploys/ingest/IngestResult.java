package dev.vitals.plugins.deploys.ingest;

import java.util.Set;

/**
 * What a batch changed.
 *
 * @param received events in the batch
 * @param stored events that were new (or, for incidents, newly resolved)
 * @param services the services whose numbers may have changed
 */
public record IngestResult(int received, int stored, Set<String> services) {

    /** @return events that were already stored exactly so */
    public int unchanged() {
        return received - stored;
    }
}
