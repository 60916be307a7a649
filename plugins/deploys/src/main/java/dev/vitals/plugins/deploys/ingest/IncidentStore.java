package dev.vitals.plugins.deploys.ingest;

import dev.vitals.api.ProblemException;
import dev.vitals.plugins.deploys.dora.DeployDays;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

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
        return jdbi.withHandle(h -> {
            IngestResult result = h.inTransaction(t -> store(t, byId, source, events.size()));
            if (result.stored() > 0) {
                // A new resolution time changes time to restore, so any change marks cached reports stale.
                DeployDays.changed(h);
            }
            return result;
        });
    }

    private static IngestResult store(Handle h, Map<String, IncidentEvent> byId, String source, int received) {
        Map<String, String> stored = new HashMap<>();
        h.createQuery("SELECT id, content FROM incidents WHERE id = ANY(:ids)")
                .bindArray("ids", String.class, byId.keySet().toArray(String[]::new))
                .map((rs, ctx) -> stored.put(rs.getString("id"), rs.getString("content"))).list();
        Set<String> services = new TreeSet<>();
        List<IncidentEvent> changed = new ArrayList<>();
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
            changed.add(event);
            services.add(event.service());
            if (before == null) {
                // A new incident may name a deployment long after it shipped; that deployment's day now counts it
                // failed. Resolving one names nothing new.
                event.deployment().ifPresent(named::add);
            }
        }
        if (changed.isEmpty()) {
            return new IngestResult(received, 0, services);
        }
        DeployDays.changed(h);
        Optional<DeployDays> days = named.isEmpty() ? Optional.empty() : DeployDays.forWriter(h);
        List<String> claimed = List.of();
        if (days.isPresent()) {
            claimed = DeployDays.claim(h, named);
            Collection<String> storedNamed = new TreeSet<>(named);
            storedNamed.removeAll(claimed);
            days.get().addIncidents(h, storedNamed);
        }
        PreparedBatch upsert = h.prepareBatch("""
                INSERT INTO incidents (id, service, started_at, resolved_at, severity, deployment_id, source, content)
                VALUES (:id, :service, :startedAt, :resolvedAt, :severity, :deployment, :source, :content)
                ON CONFLICT (id) DO UPDATE SET resolved_at = excluded.resolved_at, content = excluded.content""");
        changed.sort(Comparator.comparing(IncidentEvent::id));
        for (IncidentEvent event : changed) {
            upsert.bind("id", event.id()).bind("service", event.service()).bind("startedAt", event.startedAt())
                    .bindByType("resolvedAt", event.resolvedAt().orElse(null), Instant.class)
                    .bind("severity", event.severity().orElse(null))
                    .bind("deployment", event.deployment().orElse(null)).bind("source", source)
                    .bind("content", event.content()).add();
        }
        upsert.execute();
        DeployDays.release(h, claimed);
        return new IngestResult(received, changed.size(), services);
    }
}
