package dev.vitals.plugins.deploys.ingest;

import java.time.Instant;
import java.util.Optional;

/**
 * An incident as an incident tool reports it.
 *
 * @param id the sender's key
 * @param service the catalog key of the affected service
 * @param startedAt when it started
 * @param resolvedAt when it was resolved; empty while it is open
 * @param severity e.g. {@code sev1}, if said
 * @param deployment the id of the deployment that caused it, if known
 */
public record IncidentEvent(String id, String service, Instant startedAt, Optional<Instant> resolvedAt,
        Optional<String> severity, Optional<String> deployment) {

    /** Everything but the resolution time, in one canonical line. */
    String contentWithoutResolution() {
        return String.join("\u001f", service, startedAt.toString(), severity.orElse(""), deployment.orElse(""));
    }

    /** The incident in one canonical line. */
    public String content() {
        return contentWithoutResolution() + "\u001f" + resolvedAt.map(Instant::toString).orElse("");
    }
}
