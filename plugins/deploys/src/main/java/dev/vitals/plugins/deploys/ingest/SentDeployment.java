package dev.vitals.plugins.deploys.ingest;

import java.util.List;

/**
 * One element of {@code POST /api/deploys/events} as the pipeline wrote it; {@link EventParser} checks it. Fields the
 * caller left out are {@code null} here, and only here.
 *
 * @param id the sender's key, e.g. {@code deploy-4711}
 * @param service the service's catalog key, e.g. {@code recorder-api}
 * @param environment e.g. {@code production} or an alias such as {@code prod}
 * @param status {@code success}, {@code failure} or {@code rolled_back}
 * @param startedAt a time with offset
 * @param finishedAt a time with offset
 * @param version what was deployed, optional
 * @param commits the commits it shipped, optional
 * @param pipeline the pipeline that ran it, optional
 */
public record SentDeployment(String id, String service, String environment, String status, String startedAt,
        String finishedAt, String version, List<SentCommit> commits, String pipeline) {

    /** @param other another service's key @return the same deployment, sent for that service */
    public SentDeployment withService(String other) {
        return new SentDeployment(id, other, environment, status, startedAt, finishedAt, version, commits, pipeline);
    }
}
