package dev.vitals.plugins.deploys.ingest;

import java.time.Instant;
import java.util.Optional;

/**
 * A stored deployment as lists show it.
 *
 * @param id its id
 * @param service the service
 * @param environment after aliases
 * @param status success, failure or rolled_back
 * @param finishedAt when it ended
 * @param version what was deployed
 * @param causedIncident whether an incident names it as its cause
 */
public record DeploymentRow(String id, String service, String environment, String status, Instant finishedAt,
        Optional<String> version, boolean causedIncident) {
}
