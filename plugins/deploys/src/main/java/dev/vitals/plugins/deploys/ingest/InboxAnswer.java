package dev.vitals.plugins.deploys.ingest;

import java.util.List;

/**
 * What {@code GET /api/deploys/inbox} answers.
 *
 * @param waiting deployments acknowledged and not yet applied
 * @param refused deployments acknowledged that could not be applied, oldest first
 */
public record InboxAnswer(long waiting, List<DeploymentInbox.RefusedDeployment> refused) {
}
