package dev.vitals.plugins.deploys.ingest;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A deployment as a pipeline reports it.
 *
 * @param id the sender's key; a replay with the same content changes nothing
 * @param service the catalog key of the service
 * @param environment the environment as sent, before aliases ({@code prod} stays {@code prod} here)
 * @param status how it ended
 * @param startedAt when it started
 * @param finishedAt when it ended, not before {@code startedAt}
 * @param version what was deployed, if said
 * @param commits the commits it shipped
 * @param pipeline the pipeline that ran it, if said
 */
public record DeploymentEvent(String id, String service, String environment, DeploymentStatus status,
        Instant startedAt, Instant finishedAt, Optional<String> version, List<Commit> commits,
        Optional<String> pipeline) {

    /**
     * The event in one canonical line, independent of the order commits were listed in and of how times were
     * written, so that two sendings of the same event compare equal.
     */
    public String content() {
        String shipped = commits.stream().sorted(Comparator.comparing(Commit::sha))
                .map(c -> c.sha() + "@" + c.committedAt()).collect(Collectors.joining(","));
        return String.join("\u001f", service, environment, status.wire(), startedAt.toString(),
                finishedAt.toString(), version.orElse(""), shipped, pipeline.orElse(""));
    }
}
