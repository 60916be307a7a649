package dev.vitals.plugins.deploys.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.api.ProblemException;
import dev.vitals.plugins.deploys.dora.DeployDays;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * Deployments acknowledged before they are applied: table {@code deployment_inbox}. Accepting is one statement (the
 * function {@code accept_deployments}) that commits before the sender is answered, so an acknowledged deployment
 * survives a crash of the portal or the database; applying moves waiting rows, a batch at a time and in one
 * transaction each, into the deployments and the roll-up through {@link DeploymentStore}, and deletes them in that
 * same transaction, so a row is applied once.
 *
 * <p>An id is checked when it is accepted: stored or waiting with the same content it is a replay and changes nothing,
 * with other content it is a 409 at once, as a batch's is. Only a race can bring a conflict to the applier (two
 * senders of one id with different content, one of them applied between the other's check and its insert); that row
 * stays, refused with the reason, for {@link #refused} to show.
 */
public final class DeploymentInbox {

    /** The most rows one applying transaction takes. */
    static final int BATCH = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;
    private final DeploymentStore store;

    public DeploymentInbox(Jdbi jdbi, DeploymentStore store) {
        this.jdbi = jdbi;
        this.store = store;
    }

    /** What became of a deployment sent to {@link #accept}. */
    public enum Accepted {
        /** New: acknowledged, to be applied. */
        QUEUED,
        /** Stored or waiting already with the same content: a replay, nothing changed. */
        UNCHANGED,
        /** Stored or waiting already with other content: refused, nothing changed. */
        CONFLICT
    }

    /**
     * Accepts deployments of distinct ids in one statement; each is queued, a replay or a conflict on its own, so that
     * one sender's conflict does not hold up the others sent with it.
     *
     * @param events the deployments, no id twice
     * @param source where they came from
     * @return per id, what became of it
     */
    public Map<String, Accepted> accept(Collection<DeploymentEvent> events, String source) {
        int n = events.size();
        String[] ids = new String[n];
        String[] contents = new String[n];
        String[] bodies = new String[n];
        Map<String, String> sent = new HashMap<>();
        int i = 0;
        for (DeploymentEvent event : events) {
            ids[i] = event.id();
            contents[i] = event.content();
            bodies[i] = QueuedEvent.json(event);
            sent.put(ids[i], contents[i]);
            i++;
        }
        // One statement, so no transaction of its own: its rows are written whole or not at all.
        return jdbi.withHandle(h -> {
            Map<String, Accepted> outcome = new HashMap<>();
            Map<String, Optional<String>> known = new HashMap<>();
            h.createQuery("SELECT * FROM accept_deployments(:ids, :contents, :events, :source)")
                    .bindArray("ids", String.class, ids).bindArray("contents", String.class, contents)
                    .bindArray("events", String.class, bodies).bind("source", source)
                    .map((rs, ctx) -> {
                        if (rs.getBoolean("is_queued")) {
                            outcome.put(rs.getString("accepted_id"), Accepted.QUEUED);
                        } else {
                            known.put(rs.getString("accepted_id"), Optional.ofNullable(rs.getString("known_content")));
                        }
                        return null;
                    }).list();
            // Queued or applied by a transaction that committed while this one waited: not in this statement's
            // snapshot, so read it.
            List<String> raced = known.entrySet().stream().filter(e -> e.getValue().isEmpty())
                    .map(Map.Entry::getKey).toList();
            if (!raced.isEmpty()) {
                known.putAll(contents(h, raced));
            }
            known.forEach((id, content) -> outcome.put(id, content.equals(Optional.of(sent.get(id)))
                    ? Accepted.UNCHANGED : Accepted.CONFLICT));
            return outcome;
        });
    }

    private static Map<String, Optional<String>> contents(Handle h, List<String> ids) {
        Map<String, Optional<String>> found = new HashMap<>();
        h.createQuery("""
                SELECT id, content FROM deployments WHERE id = ANY(:ids)
                UNION ALL SELECT id, content FROM deployment_inbox WHERE id = ANY(:ids)""")
                .bindArray("ids", String.class, ids.toArray(String[]::new))
                .map((rs, ctx) -> found.put(rs.getString("id"), Optional.of(rs.getString("content")))).list();
        return found;
    }

    /**
     * Applies the deployments waiting, a batch per transaction, until a batch comes out short of {@link #BATCH}: what
     * arrives meanwhile is left to the next run, so that a steady stream is applied in batches of what arrived
     * between two runs, not a few rows at a time as fast as this loop could go.
     *
     * @return per service, how far the change of what was applied reaches
     */
    public Map<String, Instant> applyWaiting() {
        Map<String, Instant> changed = new TreeMap<>();
        boolean full = true;
        while (full && !Thread.currentThread().isInterrupted()) {
            Applied batch = applyBatch();
            batch.changed().forEach((service, through) -> changed.merge(service, through,
                    DeploymentStore.Written::later));
            full = batch.taken() == BATCH;
        }
        return changed;
    }

    /**
     * @param taken the rows a batch took
     * @param changed per service, how far the change of those applied reaches
     */
    private record Applied(int taken, Map<String, Instant> changed) {
    }

    private Applied applyBatch() {
        List<Waiting> waiting = new ArrayList<>();
        Map<String, Instant> changed;
        try {
            changed = applying(t -> {
                waiting.addAll(take(t, Optional.empty(), BATCH));
                return apply(t, waiting);
            });
        } catch (ProblemException conflict) {
            // One of them conflicts with a stored deployment: each alone, so that only that one is refused.
            Map<String, Instant> alone = new TreeMap<>();
            for (Waiting one : waiting) {
                applyAlone(one.event().id()).forEach((service, through) -> alone.merge(service, through,
                        DeploymentStore.Written::later));
            }
            changed = alone;
        }
        return new Applied(waiting.size(), changed);
    }

    private Map<String, Instant> applyAlone(String id) {
        try {
            return applying(t -> apply(t, take(t, Optional.of(id), 1)));
        } catch (ProblemException conflict) {
            jdbi.useHandle(h -> refuse(h, id, conflict.getMessage()));
            return Map.of();
        }
    }

    /**
     * Runs one applying transaction and, once it committed having applied anything, marks the cached reports stale
     * ({@link DeployDays#changed}).
     */
    private Map<String, Instant> applying(HandleCallback<Map<String, Instant>, RuntimeException> work) {
        return jdbi.withHandle(h -> {
            Map<String, Instant> through = h.inTransaction(work);
            if (!through.isEmpty()) {
                DeployDays.changed(h);
            }
            return through;
        });
    }

    /**
     * Takes waiting rows, oldest first, locked to the end of the transaction; rows another portal is applying right
     * now are left to it. A row whose copy cannot be read is refused on the spot: no run could ever apply it, and it
     * would hold up every batch it is taken with.
     *
     * @param id the one row to take; empty for any
     */
    private static List<Waiting> take(Handle h, Optional<String> id, int most) {
        List<Waiting> taken = new ArrayList<>();
        Map<String, String> unreadable = new HashMap<>();
        h.createQuery("""
                SELECT id, source, event FROM deployment_inbox
                WHERE refused IS NULL AND (CAST(:id AS text) IS NULL OR id = :id)
                ORDER BY received_at, id LIMIT :most FOR UPDATE SKIP LOCKED""")
                .bind("id", id.orElse(null)).bind("most", most)
                .map((rs, ctx) -> {
                    try {
                        taken.add(new Waiting(rs.getString("source"),
                                QueuedEvent.event(rs.getString("id"), rs.getString("event"))));
                    } catch (IllegalArgumentException e) {
                        unreadable.put(rs.getString("id"), e.getMessage());
                    }
                    return null;
                }).list();
        unreadable.forEach((row, why) -> refuse(h, row, why));
        return taken;
    }

    private static void refuse(Handle h, String id, String why) {
        h.createUpdate("UPDATE deployment_inbox SET refused = :why WHERE id = :id").bind("why", why).bind("id", id)
                .execute();
    }

    private Map<String, Instant> apply(Handle h, List<Waiting> waiting) {
        Map<String, List<DeploymentEvent>> bySource = new LinkedHashMap<>();
        for (Waiting w : waiting) {
            bySource.computeIfAbsent(w.source(), s -> new ArrayList<>()).add(w.event());
        }
        Map<String, Instant> through = new TreeMap<>();
        bySource.forEach((source, events) -> store.writeIn(h, events, source).changedThrough(events)
                .forEach((service, at) -> through.merge(service, at, DeploymentStore.Written::later)));
        if (!waiting.isEmpty()) {
            h.createUpdate("DELETE FROM deployment_inbox WHERE id = ANY(:ids)")
                    .bindArray("ids", String.class, waiting.stream().map(w -> w.event().id()).toArray(String[]::new))
                    .execute();
        }
        return through;
    }

    /**
     * @param limit the most to return
     * @return deployments acknowledged that could not be applied, oldest first
     */
    public List<RefusedDeployment> refused(int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT id, source, received_at, refused FROM deployment_inbox WHERE refused IS NOT NULL
                ORDER BY received_at, id LIMIT :limit""").bind("limit", limit)
                .map((rs, ctx) -> new RefusedDeployment(rs.getString("id"), rs.getString("source"),
                        rs.getObject("received_at", OffsetDateTime.class).toInstant(), rs.getString("refused")))
                .list());
    }

    /** @return how many deployments wait to be applied */
    public long waiting() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM deployment_inbox WHERE refused IS NULL")
                .mapTo(Long.class).one());
    }

    private record Waiting(String source, DeploymentEvent event) {
    }

    /**
     * A deployment acknowledged that could not be applied.
     *
     * @param id its id
     * @param source where it came from
     * @param receivedAt when it was acknowledged
     * @param reason why it was not applied
     */
    public record RefusedDeployment(String id, String source, Instant receivedAt, String reason) {
    }

    /** The event as the inbox keeps it: JSON, times as ISO text. */
    private record QueuedEvent(String service, String environment, String status, String startedAt,
            String finishedAt, String version, List<List<String>> commits, String pipeline) {

        static String json(DeploymentEvent e) {
            try {
                return JSON.writeValueAsString(new QueuedEvent(e.service(), e.environment(), e.status().wire(),
                        e.startedAt().toString(), e.finishedAt().toString(), e.version().orElse(null),
                        e.commits().stream().map(c -> List.of(c.sha(), c.committedAt().toString())).toList(),
                        e.pipeline().orElse(null)));
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException(ex);
            }
        }

        static DeploymentEvent event(String id, String json) {
            try {
                QueuedEvent q = JSON.readValue(json, QueuedEvent.class);
                return new DeploymentEvent(id, q.service(), q.environment(), DeploymentStatus.fromWire(q.status())
                        .orElseThrow(), Instant.parse(q.startedAt()), Instant.parse(q.finishedAt()),
                        Optional.ofNullable(q.version()), q.commits().stream()
                                .map(c -> new Commit(c.get(0), Instant.parse(c.get(1)))).toList(),
                        Optional.ofNullable(q.pipeline()));
            } catch (JsonProcessingException | RuntimeException ex) {
                throw new IllegalArgumentException("the inbox's copy of deployment " + id + " is not readable: "
                        + ex.getMessage(), ex);
            }
        }
    }
}
