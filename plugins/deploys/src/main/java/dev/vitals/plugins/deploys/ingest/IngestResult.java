package dev.vitals.plugins.deploys.ingest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a batch changed.
 *
 * @param received events in the batch
 * @param stored events that were new (or, for incidents, newly resolved)
 * @param changedThrough the services whose numbers may have changed, each with the latest time its change reaches:
 *     the latest finish among its new deployments, or that of a later deployment it took a commit's first
 *     deployment from; {@link Instant#MAX} where that is not known. A verdict over a window that ends before it
 *     cannot move.
 */
public record IngestResult(int received, int stored, Map<String, Instant> changedThrough) {

    public IngestResult {
        changedThrough = Map.copyOf(changedThrough);
    }

    /** A change of the services named that may reach up to now. */
    public IngestResult(int received, int stored, Set<String> services) {
        this(received, stored, throughNow(services));
    }

    /** @return the services whose numbers may have changed */
    public Set<String> services() {
        return changedThrough.keySet();
    }

    /** @return events that were already stored exactly so */
    public int unchanged() {
        return received - stored;
    }

    private static Map<String, Instant> throughNow(Set<String> services) {
        Map<String, Instant> through = new LinkedHashMap<>();
        services.forEach(service -> through.put(service, Instant.MAX));
        return through;
    }
}
