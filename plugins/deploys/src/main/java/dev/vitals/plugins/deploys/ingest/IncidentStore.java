package dev.vitals.plugins.deploys.ingest;

import dev.vitals.api.ProblemException;
import dev.vitals.plugins.deploys.dora.DeployDays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Jdbi;

/**
 * Incidents in schema {@code deploys}. An open incident may later be sent again with its resolution time; any other
 * change to a stored incident is a conflict.
 */
public final class IncidentStore {

    private final Jdbi jdbi;

    public IncidentStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** @param events the batch @param source where it came from @return what changed */
    public IngestResult ingest(List<IncidentEvent> events, String source) {
        Map<String, IncidentEvent> byId = new LinkedHashMap<>();
        for (IncidentEvent event : events) {
            IncidentEvent earlier = byId.putIfAbsent(event.id(), event);
            if (earlier != null && !earlier.content().equals(event.content())) {
                throw ProblemException.conflict("incident " + event.id() + " appears twice in the batch with"
                        + " different content; nothing was stored");
            }
        }
        return jdbi.inTransaction(h -> {
            Map<String, String> stored = new HashMap<>();
            h.createQuery("SELECT id, content FROM incidents WHERE id = ANY(:ids)")
                    .bindArray("ids", String.class, byId.keySet().toArray(String[]::new))
                    .map((rs, ctx) -> stored.put(rs.getString("id"), rs.getString("content"))).list();
            Set<String> services = new TreeSet<>();
            int changed = 0;
            Set<String> named = new TreeSet<>();
            for (IncidentEvent event : byId.values()) {
                String before = stored.get(event.id());
                if (event.content().equals(before)) {
                    continue;
                }
                boolean resolvesOpen = before != null && event.resolvedAt().isPresent()
                        && before.equals(event.contentWithoutResolution() + "\u001f");
                if (before != null && !resolvesOpen) {
                    throw ProblemException.conflict("incident " + event.id() + " is already stored with other"
                            + " content; only an open incident may be sent again, with its resolvedAt. Nothing was"
                            + " stored");
                }
                changed++;
                services.add(event.service());
                event.deployment().ifPresent(named::add);
                h.createUpdate("""
                        INSERT INTO incidents (id, service, started_at, resolved_at, severity, deployment_id, source,
                            content)
                        VALUES (:id, :service, :startedAt, :resolvedAt, :severity, :deployment, :source, :content)
                        ON CONFLICT (id) DO UPDATE SET resolved_at = excluded.resolved_at, content = excluded.content""")
                        .bind("id", event.id()).bind("service", event.service()).bind("startedAt", event.startedAt())
                        .bindByType("resolvedAt", event.resolvedAt().orElse(null), java.time.Instant.class)
                        .bind("severity", event.severity().orElse(null))
                        .bind("deployment", event.deployment().orElse(null)).bind("source", source)
                        .bind("content", event.content()).execute();
            }
            if (changed > 0) {
                // An incident may name a deployment long after it shipped; that deployment's day now counts it failed.
                // Recomputing also marks cached reports stale, which a new resolution time needs too.
                DeployDays days = DeployDays.lock(h);
                days.recompute(h, days.touchedByIncidents(h, named));
            }
            return new IngestResult(events.size(), changed, services);
        });
    }
}
