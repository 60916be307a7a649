package dev.vitals.plugins.deploys.ingest;

/**
 * One incident of {@code POST /api/deploys/incidents} as the incident tool wrote it; {@link EventParser} checks it.
 *
 * @param id the sender's key, e.g. {@code INC-1234}
 * @param service the affected service's catalog key
 * @param startedAt a time with offset
 * @param resolvedAt a time with offset; absent while it is open
 * @param severity e.g. {@code sev1}, optional
 * @param deployment the id of the deployment that caused it, optional
 */
public record SentIncident(String id, String service, String startedAt, String resolvedAt, String severity,
        String deployment) {

    /** @param other another service's key @return the same incident, sent for that service */
    public SentIncident withService(String other) {
        return new SentIncident(id, other, startedAt, resolvedAt, severity, deployment);
    }
}
