package dev.vitals.plugins.deploys.ingest;

import dev.vitals.api.ProblemException;
import dev.vitals.plugins.deploys.dora.DeployDays;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

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
     * the whole batch is refused with 409. One short transaction whatever the batch's size: the events, their
     * commits and the daily roll-up's share each go in with one statement over arrays.
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
        Written written = write(byId.values(), source);
        return new IngestResult(events.size(), written.added().size(), written.changedThrough(byId.values()));
    }

    /**
     * What one transaction stored.
     *
     * @param added the ids stored now; the others were stored already with the same content
     * @param tookOver per service, the latest finish of a later deployment that one stored now took a commit's first
     *     deployment from: that deployment's lead times changed too
     */
    record Written(Set<String> added, Map<String, Instant> tookOver) {

        /**
         * @param events deployments of the transaction
         * @return per service of those stored now, the latest time their change reaches
         */
        Map<String, Instant> changedThrough(Collection<DeploymentEvent> events) {
            Map<String, Instant> through = new TreeMap<>();
            for (DeploymentEvent event : events) {
                if (added.contains(event.id())) {
                    through.merge(event.service(), event.finishedAt(), Written::later);
                    Instant former = tookOver.get(event.service());
                    if (former != null) {
                        through.merge(event.service(), former, Written::later);
                    }
                }
            }
            return through;
        }

        /** @return the later of the two */
        static Instant later(Instant a, Instant b) {
            return a.isAfter(b) ? a : b;
        }
    }

    /**
     * Stores deployments of distinct ids in one transaction, as {@link #ingest} does.
     *
     * @param events the deployments, no id twice
     * @param source where they came from
     * @return what it stored
     */
    Written write(Collection<DeploymentEvent> events, String source) {
        return jdbi.withHandle(h -> {
            Written written = h.inTransaction(t -> writeIn(t, events, source));
            if (!written.added().isEmpty()) {
                DeployDays.changed(h);
            }
            return written;
        });
    }

    /**
     * Stores deployments of distinct ids inside the caller's transaction; the caller calls {@link DeployDays#changed}
     * once it committed, when anything was added.
     *
     * @param h the writing transaction's handle
     * @param events the deployments, no id twice
     * @param source where they came from
     * @return what it stored
     * @throws dev.vitals.api.ProblemException 409 when an id is stored with other content
     */
    Written writeIn(Handle h, Collection<DeploymentEvent> events, String source) {
        Inserted inserted = insert(h, events, source);
        List<String> added = inserted.added();
        if (added.isEmpty()) {
            return new Written(Set.of(), Map.of());
        }
        Map<String, Instant> tookOver = new HashMap<>();
        if (inserted.firstsAllNew()) {
            // The insert added the roll-up's share itself, all but the failures incidents name.
            inserted.days().ifPresent(d -> d.addIncidentsNaming(h, added));
        } else {
            List<DeployDays.FormerFirst> formerFirsts = formerFirsts(h, added, inserted.shipped());
            inserted.days().ifPresent(d -> d.addDeployments(h, added, inserted.shipped(), formerFirsts));
            formerFirsts.forEach(f -> tookOver.merge(f.service(), f.firstFinishedAt(), Written::later));
        }
        return new Written(new HashSet<>(added), tookOver);
    }

    /**
     * What the insert did.
     *
     * @param added the ids this transaction inserted
     * @param firstsAllNew true when every commit the added deployments shipped got them as its first deployment, so
     *     none was known already, no first deployment needs comparing, and the insert added the roll-up's share
     * @param days the roll-up to add to, its zone read (and held) by this transaction; empty before the plugin first
     *     started
     * @param shipped the commits of the deployments sent, stored and not
     */
    private record Inserted(List<String> added, boolean firstsAllNew, Optional<DeployDays> days,
            DeployDays.Shipped shipped) {
    }

    /**
     * Inserts the deployments; a deployment whose id is stored already, or is being stored by another transaction
     * right now (the insert waits for it), is compared instead. The same statement makes the new counted deployments
     * the first deployment of the commits no deployment shipped before, and, when it stored
     * anything, marks the cached reports stale and reads the roll-up's zone ({@link DeployDays#changed},
     * {@link DeployDays#forWriter}): one round trip where there were four, which is most of what one event sent
     * alone costs above its commit. When every commit was new to its service, as in most batches, it also adds the
     * roll-up's share from the rows it inserted ({@link DeployDays#shareOfInsert}), instead of a second statement
     * reading each deployment, commit and first deployment back by key.
     *
     * <p>Here and in the roll-up, the rows a batch names are looked up one by one through a lateral subquery that
     * {@code OFFSET 0} keeps whole: left to itself the planner joined the batch's thousand ids to every row of
     * {@code deployments} or {@code deployment_commits} by hashing the whole table, so a batch cost more the more
     * deployments were stored. Looked up by key, it costs the same at any size.
     *
     * <p>The batch's ids, services and shas are sorted under {@code "C"}, as their columns compare (V17): taken from
     * parameters they would sort under the database's collation, in an order of their own and slower.
     *
     * @return what it inserted
     */
    private Inserted insert(Handle h, Collection<DeploymentEvent> events, String source) {
        int n = events.size();
        String[] ids = new String[n];
        String[] services = new String[n];
        String[] environments = new String[n];
        String[] statuses = new String[n];
        Long[] started = new Long[n];
        Long[] finished = new Long[n];
        String[] versions = new String[n];
        String[] pipelines = new String[n];
        String[] contents = new String[n];
        List<String> commitIds = new ArrayList<>();
        List<String> shas = new ArrayList<>();
        List<Long> committed = new ArrayList<>();
        Map<String, String> sentContent = new HashMap<>();
        int i = 0;
        for (DeploymentEvent event : events) {
            ids[i] = event.id();
            services[i] = event.service();
            environments[i] = this.environments.normalise(event.environment());
            statuses[i] = event.status().wire();
            started[i] = EpochMicros.of(event.startedAt());
            finished[i] = EpochMicros.of(event.finishedAt());
            versions[i] = event.version().orElse(null);
            pipelines[i] = event.pipeline().orElse(null);
            contents[i] = event.content();
            sentContent.put(event.id(), contents[i]);
            for (Commit commit : event.commits()) {
                commitIds.add(event.id());
                shas.add(commit.sha());
                committed.add(EpochMicros.of(commit.committedAt()));
            }
            i++;
        }
        List<String> added = new ArrayList<>();
        Map<String, Optional<String>> others = new HashMap<>();
        boolean[] firstsAllNew = {true};
        String[] zone = {null};
        h.createQuery("""
                WITH sent AS (
                    SELECT id COLLATE "C" AS id, service COLLATE "C" AS service, environment, status,
                           %3$s AS started_at, %4$s AS finished_at, version, pipeline, content
                    FROM unnest(:ids::text[], :services::text[], :environments::text[], :statuses::text[],
                                :started::int8[], :finished::int8[], :versions::text[], :pipelines::text[],
                                :contents::text[])
                        AS s (id, service, environment, status, started, finished, version, pipeline, content)),
                commits AS (
                    SELECT id COLLATE "C" AS id, sha COLLATE "C" AS sha, %5$s AS committed_at
                    FROM unnest(:commitIds::text[], :shas::text[], :committed::int8[]) AS c (id, sha, committed)),
                added AS (
                    INSERT INTO deployments (id, service, environment, status, started_at, finished_at, version,
                        pipeline, source, content)
                    SELECT id, service, environment, status, started_at, finished_at, version, pipeline, :source,
                        content
                    FROM sent ORDER BY id
                    ON CONFLICT (id) DO NOTHING
                    RETURNING id),
                candidates AS (
                    SELECT DISTINCT ON (d.service, c.sha) d.service, c.sha, c.committed_at, d.id, d.finished_at
                    FROM sent d JOIN added a ON a.id = d.id JOIN commits c ON c.id = d.id
                    WHERE %1$s
                    ORDER BY d.service, c.sha, d.finished_at, d.id),
                firsts AS (
                    INSERT INTO commit_first_deploys (service, sha, committed_at, first_deployment_id,
                        first_finished_at)
                    SELECT service, sha, committed_at, id, finished_at FROM candidates ORDER BY service, sha
                    ON CONFLICT (service, sha) DO NOTHING
                    RETURNING service, committed_at, first_finished_at),
                counted AS (
                    SELECT d.service, d.finished_at, d.status FROM sent d JOIN added a ON a.id = d.id WHERE %1$s),
                zone AS (SELECT zone FROM deploy_days_zone),
                %2$s,
                stamp AS (
                    SELECT nextval('dora_version') AS version, (SELECT zone FROM zone) AS zone
                    WHERE EXISTS (SELECT 1 FROM added))
                SELECT s.id, a.id IS NOT NULL AS added, d.content, st.zone,
                       (SELECT count(*) FROM candidates) = (SELECT count(*) FROM firsts) AS firsts_all_new
                FROM sent s LEFT JOIN added a ON a.id = s.id
                LEFT JOIN LATERAL (SELECT d.content FROM deployments d WHERE a.id IS NULL AND d.id = s.id
                                   OFFSET 0) d ON TRUE
                LEFT JOIN stamp st ON TRUE""".formatted(DeployDays.COUNTED, DeployDays.shareOfInsert(
                        "(SELECT count(*) FROM candidates) = (SELECT count(*) FROM firsts)"),
                        EpochMicros.timestamp("s.started"), EpochMicros.timestamp("s.finished"),
                        EpochMicros.timestamp("c.committed")))
                .bindArray("ids", String.class, ids).bindArray("services", String.class, services)
                .bindArray("environments", String.class, environments).bindArray("statuses", String.class, statuses)
                .bindArray("started", Long.class, started).bindArray("finished", Long.class, finished)
                .bindArray("versions", String.class, versions).bindArray("pipelines", String.class, pipelines)
                .bindArray("contents", String.class, contents).bind("source", source)
                .bindArray("commitIds", String.class, commitIds.toArray(String[]::new))
                .bindArray("shas", String.class, shas.toArray(String[]::new))
                .bindArray("committed", Long.class, committed.toArray(Long[]::new))
                .map((rs, ctx) -> {
                    firstsAllNew[0] = rs.getBoolean("firsts_all_new");
                    zone[0] = rs.getString("zone");
                    if (rs.getBoolean("added")) {
                        added.add(rs.getString("id"));
                    } else {
                        others.put(rs.getString("id"), Optional.ofNullable(rs.getString("content")));
                    }
                    return null;
                }).list();
        // Stored by a transaction that committed while this one waited: not in this statement's snapshot, so read it.
        List<String> raced = others.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey)
                .toList();
        if (!raced.isEmpty()) {
            others.putAll(existing(h, raced));
        }
        for (Map.Entry<String, Optional<String>> other : others.entrySet()) {
            if (!other.getValue().equals(Optional.of(sentContent.get(other.getKey())))) {
                throw conflict(other.getKey());
            }
        }
        return new Inserted(added, firstsAllNew[0], DeployDays.inZone(Optional.ofNullable(zone[0])),
                new DeployDays.Shipped(commitIds, shas, committed));
    }

    /**
     * @param id a deployment's id
     * @return the answer to a sender of other content under it, whether sent alone or in a batch
     */
    static ProblemException conflict(String id) {
        return ProblemException.conflict("deployment " + id + " is already stored with other content; an id names"
                + " one deployment for good. Nothing was stored");
    }

    /**
     * Where a commit the just-stored deployments shipped was known already (its first deployment inserted by no one
     * in this transaction), makes them its first deployment when they are the earliest so far: an earlier deployment
     * arriving late takes the commit from a later one.
     *
     * @param shipped the commits of the batch's deployments, which the stored ones shipped among them
     * @return the commits taken over, as they were before, so that their lead time leaves the later day
     */
    private static List<DeployDays.FormerFirst> formerFirsts(Handle h, List<String> added,
            DeployDays.Shipped shipped) {
        // Locked in the candidates' key order and compared again on the latest version (the locking read rechecks
        // its condition), so two late deployments of one commit take turns and the second compares with the first.
        // Deployments looked up by key: joined whole, the planner hashed every stored one.
        return h.createQuery("""
                WITH candidates AS (
                    SELECT DISTINCT ON (d.service, c.sha) d.service, c.sha, %2$s AS committed_at, d.id,
                        d.finished_at
                    FROM unnest(:commitIds::text[], :shas::text[], :committed::int8[])
                        AS c (deployment_id, sha, committed)
                    CROSS JOIN LATERAL (SELECT d.id, d.service, d.finished_at FROM deployments d
                                        WHERE d.id = c.deployment_id AND %1$s OFFSET 0) d
                    WHERE c.deployment_id = ANY(:added)
                    ORDER BY d.service, c.sha, d.finished_at, d.id),
                later AS (
                    SELECT f.service, f.sha, f.committed_at, f.first_finished_at
                    FROM candidates k
                    CROSS JOIN LATERAL (SELECT f.service, f.sha, f.committed_at, f.first_finished_at
                                        FROM commit_first_deploys f WHERE f.service = k.service AND f.sha = k.sha
                                            AND (k.finished_at, k.id) < (f.first_finished_at, f.first_deployment_id)
                                        FOR UPDATE) f)
                UPDATE commit_first_deploys f SET committed_at = k.committed_at, first_deployment_id = k.id,
                    first_finished_at = k.finished_at
                FROM later l JOIN candidates k ON k.service = l.service AND k.sha = l.sha
                WHERE f.service = l.service AND f.sha = l.sha
                RETURNING l.service, l.committed_at, l.first_finished_at""".formatted(DeployDays.COUNTED,
                        EpochMicros.timestamp("c.committed")))
                .bindArray("added", String.class, added.toArray(String[]::new))
                .bindArray("commitIds", String.class, shipped.deploymentIds().toArray(String[]::new))
                .bindArray("shas", String.class, shipped.shas().toArray(String[]::new))
                .bindArray("committed", Long.class, shipped.committedAt().toArray(Long[]::new))
                .map((rs, ctx) -> new DeployDays.FormerFirst(rs.getString("service"),
                        rs.getObject("committed_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("first_finished_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    private static Map<String, Optional<String>> existing(Handle h, Collection<String> ids) {
        Map<String, Optional<String>> found = new HashMap<>();
        h.createQuery("SELECT id, content FROM deployments WHERE id = ANY(:ids)")
                .bindArray("ids", String.class, ids.toArray(String[]::new))
                .map((rs, ctx) -> found.put(rs.getString("id"), Optional.of(rs.getString("content")))).list();
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
