package dev.vitals.plugins.deploys.github;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** GitHub deployment events in {@code github_deployments}; the first delivery is kept, redeliveries change nothing. */
public final class GithubDeploymentStore {

    private final Jdbi jdbi;

    public GithubDeploymentStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** @param deployment as created @param receivedAt now @return true when it was new */
    public boolean record(GithubDeployment deployment, Instant receivedAt) {
        return jdbi.withHandle(h -> h.createUpdate("""
                INSERT INTO github_deployments (repository, deployment_id, environment, sha, ref, task, creator,
                    created_at, received_at)
                VALUES (:repository, :id, :environment, :sha, :ref, :task, :creator, :createdAt, :receivedAt)
                ON CONFLICT (repository, deployment_id, environment) DO NOTHING""")
                .bind("repository", deployment.repository()).bind("id", deployment.id())
                .bind("environment", deployment.environment()).bind("sha", deployment.sha())
                .bind("ref", deployment.ref().orElse(null)).bind("task", deployment.task().orElse(null))
                .bind("creator", deployment.creator().orElse(null)).bind("createdAt", deployment.createdAt())
                .bind("receivedAt", receivedAt).execute() == 1);
    }

    /**
     * @param repository {@code owner/name}
     * @param id GitHub's deployment id
     * @param environment as GitHub names it
     * @return the deployment as created, if its event arrived
     */
    public Optional<GithubDeployment> find(String repository, long id, String environment) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT * FROM github_deployments
                WHERE repository = :repository AND deployment_id = :id AND environment = :environment""")
                .bind("repository", repository.toLowerCase(java.util.Locale.ROOT)).bind("id", id)
                .bind("environment", environment)
                .map((rs, ctx) -> new GithubDeployment(rs.getString("repository"), rs.getLong("deployment_id"),
                        rs.getString("environment"), rs.getString("sha"), Optional.ofNullable(rs.getString("ref")),
                        Optional.ofNullable(rs.getString("task")), Optional.ofNullable(rs.getString("creator")),
                        rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant()))
                .findOne());
    }
}
