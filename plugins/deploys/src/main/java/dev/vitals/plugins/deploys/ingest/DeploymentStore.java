package dev.vitals.plugins.deploys.ingest;

import dev.vitals.api.ProblemException;
import dev.vitals.plugins.deploys.dora.DeployDays;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Deployments and their commits in schema {@code deploys}. A batch is stored whole or not at all. */
public final class DeploymentStore {

    private final Jdbi jdbi;
    private final EnvironmentNames environments;

    public DeploymentStore(Jdbi jdbi, EnvironmentNames environments) {
        this.jdbi = jdbi;
        this.environments = environments;
    }

    /**
     * Stores the events that are new. An id already stored with the same content is left alone; with other content
     * the whole batch is refused with 409.
     *
     * @param events the batch
     * @param source where it came from, e.g. {@code api} or {@code github}
     * @return what changed
     */
    public IngestResult ingest(List<DeploymentEvent> events, String source) {
        Map<String, DeploymentEvent> byId = new LinkedHashMap<>();
        for (DeploymentEvent event : events) {
            DeploymentEvent earlier = byId.putIfAbsent(event.id(), event);
            if (earlier != null && !earlier.content().equals(event.content())) {
                throw ProblemException.conflict("deployment " + event.id() + " appears twice in the batch with"
                        + " different content; nothing was stored");
            }
        }
        return jdbi.inTransaction(h -> {
            Map<String, String> stored = existing(h, byId.keySet());
            Set<String> services = new TreeSet<>();
            PreparedBatch deployments = h.prepareBatch("""
                    INSERT INTO deployments (id, service, environment, status, started_at, finished_at, version,
                        pipeline, source, content)
                    VALUES (:id, :service, :environment, :status, :startedAt, :finishedAt, :version, :pipeline,
                        :source, :content)
                    ON CONFLICT (id) DO NOTHING""");
            PreparedBatch commits = h.prepareBatch("""
                    INSERT INTO deployment_commits (deployment_id, sha, committed_at) VALUES (:id, :sha, :at)
                    ON CONFLICT DO NOTHING""");
            List<String> added = new java.util.ArrayList<>();
            for (DeploymentEvent event : byId.values()) {
                String content = event.content();
                String before = stored.get(event.id());
                if (before != null) {
                    if (!before.equals(content)) {
                        throw ProblemException.conflict("deployment " + event.id() + " is already stored with other"
                                + " content; an id names one deployment for good. Nothing was stored");
                    }
                    continue;
                }
                added.add(event.id());
                services.add(event.service());
                deployments.bind("id", event.id()).bind("service", event.service())
                        .bind("environment", environments.normalise(event.environment()))
                        .bind("status", event.status().wire()).bind("startedAt", event.startedAt())
                        .bind("finishedAt", event.finishedAt()).bind("version", event.version().orElse(null))
                        .bind("pipeline", event.pipeline().orElse(null)).bind("source", source)
                        .bind("content", content).add();
                for (Commit commit : event.commits()) {
                    commits.bind("id", event.id()).bind("sha", commit.sha()).bind("at", commit.committedAt()).add();
                }
            }
            if (added.isEmpty()) {
                return new IngestResult(events.size(), 0, services);
            }
            deployments.execute();
            boolean shippedCommits = commits.size() > 0;
            if (shippedCommits) {
                commits.execute();
            }
            DeployDays days = DeployDays.lock(h);
            Set<DeployDays.Key> touched = days.touchedByDeployments(h, added);
            if (shippedCommits) {
                h.createUpdate("""
                        INSERT INTO commit_first_deploys (service, sha, committed_at, first_deployment_id,
                            first_finished_at)
                        SELECT DISTINCT ON (d.service, c.sha) d.service, c.sha, c.committed_at, d.id, d.finished_at
                        FROM deployment_commits c JOIN deployments d ON d.id = c.deployment_id
                        WHERE d.id = ANY(:ids) AND d.environment = 'production'
                          AND d.status IN ('success', 'rolled_back')
                        ORDER BY d.service, c.sha, d.finished_at, d.id
                        ON CONFLICT (service, sha) DO UPDATE SET committed_at = excluded.committed_at,
                            first_deployment_id = excluded.first_deployment_id,
                            first_finished_at = excluded.first_finished_at
                        WHERE (excluded.first_finished_at, excluded.first_deployment_id)
                            < (commit_first_deploys.first_finished_at, commit_first_deploys.first_deployment_id)""")
                        .bindArray("ids", String.class, added.toArray(String[]::new)).execute();
            }
            days.recompute(h, touched);
            return new IngestResult(events.size(), added.size(), services);
        });
    }

    private static Map<String, String> existing(Handle h, Set<String> ids) {
        Map<String, String> found = new HashMap<>();
        h.createQuery("SELECT id, content FROM deployments WHERE id = ANY(:ids)")
                .bindArray("ids", String.class, ids.toArray(String[]::new))
                .map((rs, ctx) -> found.put(rs.getString("id"), rs.getString("content"))).list();
        return found;
    }

    /**
     * @param services the services; empty for all
     * @param offset rows to skip
     * @param limit rows to return
     * @return deployments, newest first
     */
    public List<DeploymentRow> page(java.util.Optional<List<String>> services, int offset, int limit) {
        return jdbi.withHandle(h -> {
            var query = h.createQuery("SELECT d.id, d.service, d.environment, d.status, d.finished_at, d.version,"
                    + " EXISTS (SELECT 1 FROM incidents i WHERE i.deployment_id = d.id) AS caused"
                    + " FROM deployments d WHERE " + (services.isPresent() ? "d.service = ANY(:services)" : "TRUE")
                    + " ORDER BY d.finished_at DESC, d.id DESC OFFSET :offset LIMIT :limit")
                    .bind("offset", offset).bind("limit", limit);
            services.ifPresent(list -> query.bindArray("services", String.class, list.toArray(String[]::new)));
            return query.map((rs, ctx) -> new DeploymentRow(rs.getString("id"), rs.getString("service"),
                    rs.getString("environment"), rs.getString("status"),
                    rs.getObject("finished_at", java.time.OffsetDateTime.class).toInstant(),
                    java.util.Optional.ofNullable(rs.getString("version")), rs.getBoolean("caused"))).list();
        });
    }

    /** @param services the services; empty for all @return how many deployments they have */
    public long count(java.util.Optional<List<String>> services) {
        return jdbi.withHandle(h -> {
            var query = h.createQuery("SELECT count(*) FROM deployments d WHERE "
                    + (services.isPresent() ? "d.service = ANY(:services)" : "TRUE"));
            services.ifPresent(list -> query.bindArray("services", String.class, list.toArray(String[]::new)));
            return query.mapTo(Long.class).one();
        });
    }

    /** @return the time of the latest deployment stored, if any */
    public java.util.Optional<Instant> latestFinishedAt() {
        return jdbi.withHandle(h -> h.createQuery("SELECT max(finished_at) FROM deployments")
                .mapTo(Instant.class).findOne());
    }
}
