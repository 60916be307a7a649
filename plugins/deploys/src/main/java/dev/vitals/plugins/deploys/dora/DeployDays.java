package dev.vitals.plugins.deploys.dora;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The daily roll-up {@code deploy_days}: per service and local date, counted deployments, rolled back, failed and the
 * lead times of the commits first shipped that day. Each write adds its own share to the rows it touches, so writers
 * never wait for one another except on the same (service, day) row, and then only for that row's update.
 *
 * <p>Adding stays exact because every share is computed from what the writer itself stored: the deployments its
 * insert returned (a replay, or a copy another writer stored first, adds nothing), the commits whose first deployment
 * it set (the key of {@code commit_first_deploys} orders two writers of one commit), and the incidents it can see.
 * Lead times are kept as the values themselves, one array per row, because a median cannot be added up: the report's
 * {@code percentile_cont} reads the union of the arrays, which is exactly the set of values it would read from
 * {@code commit_first_deploys}, and a commit moved to an earlier day takes its value out of the old row.
 *
 * <p>An incident and the deployment it names may arrive at once, each in a transaction that cannot see the other. The
 * incident's writer therefore holds the deployment's id for the rest of its transaction ({@link #claim}): a deployment
 * with that id waits, and then sees the incident; a deployment already being written makes the claim wait, and is then
 * seen by the incident's writer, which counts the failure under the day row's lock.
 */
public final class DeployDays {

    /** The deployments the DORA keys count, as a condition on {@code deployments d}. */
    public static final String COUNTED = "d.environment = 'production' AND d.status IN ('success', 'rolled_back')";
    /** A commit's lead time in hours, written once so that the roll-up and the reports compute the same float. */
    static final String LEAD_HOURS = "extract(epoch FROM %1$s.first_finished_at - %1$s.committed_at)::float8 / 3600";
    private final ZoneId zone;

    private DeployDays(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * A commit's first deployment as it was before a late, earlier deployment took its place.
     *
     * @param service the catalog key
     * @param committedAt when the commit was made
     * @param firstFinishedAt when the deployment that counted it so far finished
     */
    public record FormerFirst(String service, Instant committedAt, Instant firstFinishedAt) {
    }

    /**
     * The commits a batch's deployments shipped, one element of each list per commit. Ingest takes them from the
     * batch: a deployment's commits are stored only in its content and, for the first production deployment of each,
     * in {@code commit_first_deploys}.
     *
     * @param deploymentIds the deployment that shipped each commit
     * @param shas the commits' hashes
     * @param committedAt when each was made, in microseconds since 1970
     */
    public record Shipped(List<String> deploymentIds, List<String> shas, List<Long> committedAt) {
    }

    /**
     * The roll-up as a writer sees it. Reading its zone holds a share lock on the zone's table to the end of the
     * transaction, so that {@link #follow} never cuts the roll-up again while a writer adds to it in another zone.
     *
     * @param h a handle inside the writing transaction
     * @return the roll-up to add to; empty before the plugin first started, when there is none yet
     */
    public static Optional<DeployDays> forWriter(Handle h) {
        return zone(h).map(DeployDays::new);
    }

    /**
     * Marks every cached DORA report as stale. Writers call it inside their transaction, so that a committed write
     * always moved it, and again once committed, so that a report read in between is not kept.
     *
     * @param h a handle
     */
    public static void changed(Handle h) {
        h.createQuery("SELECT nextval('dora_version')").mapTo(Long.class).one();
    }

    /**
     * The roll-up for a writer that read the zone itself, in the statement that first wrote, to save a round trip;
     * reading it holds the same share lock as {@link #forWriter}.
     *
     * @param zone what {@code SELECT zone FROM deploy_days_zone} returned inside the writing transaction
     * @return the roll-up to add to; empty before the plugin first started
     */
    public static Optional<DeployDays> inZone(Optional<String> zone) {
        return zone.map(ZoneId::of).map(DeployDays::new);
    }

    /** @param h a handle @return the number {@link #changed} last set */
    public static long version(Handle h) {
        return h.createQuery("SELECT last_value FROM dora_version").mapTo(Long.class).one();
    }

    /** @param h a handle @return the zone the roll-up is cut in; empty before the plugin first started */
    public static Optional<ZoneId> zone(Handle h) {
        return h.createQuery("SELECT zone FROM deploy_days_zone").mapTo(String.class).findOne().map(ZoneId::of);
    }

    /**
     * Makes the roll-up follow the org time zone: when it was cut in another zone (or never), it is cut again from
     * every counted deployment. Runs at plugin start; a no-op when the zone is unchanged.
     *
     * @param jdbi the plugin's database
     * @param orgZone the zone day buckets follow
     * @return true when the roll-up was rebuilt
     */
    public static boolean follow(Jdbi jdbi, ZoneId orgZone) {
        boolean rebuilt = jdbi.inTransaction(h -> {
            // Waits for every writer that read the zone, and holds new ones off until the new cut is committed.
            h.execute("LOCK TABLE deploy_days_zone IN ACCESS EXCLUSIVE MODE");
            if (zone(h).equals(Optional.of(orgZone))) {
                return false;
            }
            h.execute("DELETE FROM deploy_days");
            h.createUpdate("""
                    INSERT INTO deploy_days_zone (one, zone) VALUES (TRUE, :zone)
                    ON CONFLICT (one) DO UPDATE SET zone = excluded.zone""").bind("zone", orgZone.getId()).execute();
            h.createUpdate("""
                    INSERT INTO deploy_days (service, day, deployments, rolled_back, failed, lead_hours)
                    SELECT c.service, c.day, c.n, c.rolled_back, c.failed, coalesce(l.hours, '{}')
                    FROM (SELECT d.service, (d.finished_at AT TIME ZONE :zone)::date AS day, count(*) AS n,
                                 count(*) FILTER (WHERE d.status = 'rolled_back') AS rolled_back,
                                 count(*) FILTER (WHERE d.status = 'rolled_back'
                                     OR EXISTS (SELECT 1 FROM incidents i WHERE i.deployment_id = d.id)) AS failed
                          FROM deployments d WHERE %s
                          GROUP BY 1, 2) c
                    LEFT JOIN (SELECT f.service, (f.first_finished_at AT TIME ZONE :zone)::date AS day,
                                      array_agg(%s) AS hours
                               FROM commit_first_deploys f WHERE f.first_finished_at > f.committed_at
                               GROUP BY 1, 2) l ON l.service = c.service AND l.day = c.day"""
                            .formatted(COUNTED, LEAD_HOURS.formatted("f")))
                    .bind("zone", orgZone.getId()).execute();
            changed(h);
            return true;
        });
        if (rebuilt) {
            jdbi.useHandle(DeployDays::changed);
        }
        return rebuilt;
    }

    /**
     * Adds what just-stored deployments bring: each counted one on its day (failed when rolled back or named by an
     * incident already), the lead times of the commits they shipped first, less those of the commits they took from a
     * later deployment. One statement, rows in key order, so that two writers never wait on each other crosswise.
     * The batch's deployments and their commits' first deployments are looked up by key, one commit at a time
     * ({@code OFFSET 0} keeps the planner from hashing both tables whole), so the cost follows the batch, not the
     * tables.
     *
     * @param h the writing transaction's handle, after the deployments and {@code commit_first_deploys} are written
     * @param added the deployments this transaction inserted
     * @param shipped the commits of the batch the added deployments came in
     * @param formerFirsts commits whose first deployment this transaction moved to an earlier one
     */
    public void addDeployments(Handle h, Collection<String> added, Shipped shipped, List<FormerFirst> formerFirsts) {
        h.createUpdate("""
                WITH counted AS (
                    SELECT d.service, (d.finished_at AT TIME ZONE :zone)::date AS day,
                           (d.status = 'rolled_back')::int AS rolled_back,
                           (d.status = 'rolled_back'
                               OR EXISTS (SELECT 1 FROM incidents i WHERE i.deployment_id = d.id))::int AS failed
                    FROM deployments d WHERE d.id = ANY(:added) AND %1$s),
                leads AS (
                    SELECT f.service, (f.first_finished_at AT TIME ZONE :zone)::date AS day, %2$s AS hours
                    FROM unnest(:commitIds::text[], :shas::text[]) AS c (deployment_id, sha)
                    CROSS JOIN LATERAL (SELECT d.service FROM deployments d WHERE d.id = c.deployment_id OFFSET 0) d
                    CROSS JOIN LATERAL (SELECT f.service, f.committed_at, f.first_deployment_id, f.first_finished_at
                                        FROM commit_first_deploys f WHERE f.service = d.service AND f.sha = c.sha
                                        OFFSET 0) f
                    WHERE c.deployment_id = ANY(:added) AND f.first_deployment_id = c.deployment_id
                        AND f.first_finished_at > f.committed_at),
                gone AS (
                    SELECT f.service, (f.first_finished_at AT TIME ZONE :zone)::date AS day, array_agg(%3$s) AS hours
                    FROM unnest(:goneServices::text[], :goneCommitted::timestamptz[], :goneFinished::timestamptz[])
                        AS f (service, committed_at, first_finished_at)
                    WHERE f.first_finished_at > f.committed_at
                    GROUP BY 1, 2),
                share AS (
                    SELECT service, day, sum(n)::int AS n, sum(rolled_back)::int AS rolled_back,
                           sum(failed)::int AS failed,
                           coalesce(array_agg(hours) FILTER (WHERE hours IS NOT NULL), '{}') AS hours
                    FROM (SELECT service, day, 1 AS n, rolled_back, failed, NULL::float8 AS hours FROM counted
                          UNION ALL SELECT service, day, 0, 0, 0, hours FROM leads
                          UNION ALL SELECT service, day, 0, 0, 0, NULL FROM gone) parts
                    GROUP BY service, day)
                INSERT INTO deploy_days AS r (service, day, deployments, rolled_back, failed, lead_hours)
                SELECT service, day, n, rolled_back, failed, hours FROM share ORDER BY service, day
                ON CONFLICT (service, day) DO UPDATE SET deployments = r.deployments + excluded.deployments,
                    rolled_back = r.rolled_back + excluded.rolled_back, failed = r.failed + excluded.failed,
                    lead_hours = lead_hours_without(r.lead_hours, (SELECT g.hours FROM gone g
                        WHERE g.service = excluded.service AND g.day = excluded.day)) || excluded.lead_hours"""
                        .formatted(COUNTED, LEAD_HOURS.formatted("f"), LEAD_HOURS.formatted("f")))
                .bind("zone", zone.getId())
                .bindArray("added", String.class, added.toArray(String[]::new))
                .bindArray("commitIds", String.class, shipped.deploymentIds().toArray(String[]::new))
                .bindArray("shas", String.class, shipped.shas().toArray(String[]::new))
                .bindArray("goneServices", String.class, formerFirsts.stream().map(FormerFirst::service)
                        .toArray(String[]::new))
                .bindArray("goneCommitted", String.class, formerFirsts.stream()
                        .map(f -> f.committedAt().toString()).toArray(String[]::new))
                .bindArray("goneFinished", String.class, formerFirsts.stream()
                        .map(f -> f.firstFinishedAt().toString()).toArray(String[]::new))
                .execute();
    }

    /**
     * The roll-up's share of deployments inserted by the same statement, as a data-modifying {@code WITH} item named
     * {@code rolled}, for the usual batch: every commit its deployments shipped is new to its service, so every
     * lead time lands on its own deployment's day and none leaves another. It reads what the statement's other items
     * return instead of the tables: {@code zone (zone)}, the roll-up's zone, one row or none before the plugin first
     * started; {@code counted (service, finished_at, status)}, the counted deployments the statement inserted; and
     * {@code firsts (service, committed_at, first_finished_at)}, the first deployments it inserted; and adds nothing
     * unless {@code every_first_new}, a condition, holds. Reading them back by key was a third of a batch's database
     * time. Failures that incidents name are left to {@link #addIncidentsNaming}: an incident committed while the
     * statement waited on its claim ({@link #claim}) is not in the statement's snapshot.
     *
     * @param everyFirstNew SQL that is true when every commit the new deployments shipped got one of them as its
     *     first deployment
     * @return the {@code WITH} item
     */
    public static String shareOfInsert(String everyFirstNew) {
        return """
                rolled AS (
                    INSERT INTO deploy_days AS r (service, day, deployments, rolled_back, failed, lead_hours)
                    SELECT service, day, sum(n)::int, sum(rolled_back)::int, sum(rolled_back)::int,
                           coalesce(array_agg(hours) FILTER (WHERE hours IS NOT NULL), '{}')
                    FROM (SELECT c.service, (c.finished_at AT TIME ZONE z.zone)::date AS day, 1 AS n,
                                 (c.status = 'rolled_back')::int AS rolled_back, NULL::float8 AS hours
                          FROM counted c CROSS JOIN zone z
                          UNION ALL
                          SELECT f.service, (f.first_finished_at AT TIME ZONE z.zone)::date, 0, 0, %s
                          FROM firsts f CROSS JOIN zone z WHERE f.first_finished_at > f.committed_at) parts
                    WHERE %s
                    GROUP BY service, day ORDER BY service, day
                    ON CONFLICT (service, day) DO UPDATE SET deployments = r.deployments + excluded.deployments,
                        rolled_back = r.rolled_back + excluded.rolled_back, failed = r.failed + excluded.failed,
                        lead_hours = r.lead_hours || excluded.lead_hours
                    RETURNING 1)""".formatted(LEAD_HOURS.formatted("f"), everyFirstNew);
    }

    /**
     * Counts as failed the just-stored, counted, successful deployments that a committed incident names, after
     * {@link #shareOfInsert} counted only those rolled back. The day rows are this transaction's own already (its
     * share went into them), so no lock is taken here that another writer could hold; an incident committed later
     * finds the deployments stored and counts them itself ({@link #addIncidents}).
     *
     * @param h the writing transaction's handle, after {@link #shareOfInsert}
     * @param added the deployments the transaction inserted
     */
    public void addIncidentsNaming(Handle h, Collection<String> added) {
        // Driven from the incidents, which are few: the deployments are read only for those an incident names.
        h.createUpdate("""
                UPDATE deploy_days r SET failed = r.failed + n.failed
                FROM (SELECT d.service, (d.finished_at AT TIME ZONE :zone)::date AS day, count(*)::int AS failed
                      FROM (SELECT DISTINCT i.deployment_id FROM incidents i
                            WHERE i.deployment_id = ANY(:added)) i
                      CROSS JOIN LATERAL (SELECT d.service, d.finished_at FROM deployments d
                                          WHERE d.id = i.deployment_id AND %s AND d.status = 'success'
                                          OFFSET 0) d
                      GROUP BY 1, 2) n
                WHERE r.service = n.service AND r.day = n.day""".formatted(COUNTED))
                .bind("zone", zone.getId()).bindArray("added", String.class, added.toArray(String[]::new))
                .execute();
    }

    /**
     * Holds the ids of deployments that new incidents name but that no committed deployment has, to the end of the
     * transaction: it inserts a stand-in row under each id and the caller removes it with {@link #release} before
     * committing, so no one else ever sees one. A deployment stored meanwhile under such an id waits for the commit
     * and then finds the incident; one being stored right now makes this wait until it is committed, and is then
     * left to the caller to count.
     *
     * @param h the writing transaction's handle
     * @param named the deployment ids the new incidents name
     * @return the ids claimed: no deployment has them
     */
    public static List<String> claim(Handle h, Collection<String> named) {
        return h.createQuery("""
                INSERT INTO deployments (id, service, environment, status, started_at, finished_at, source, content)
                SELECT n, '', '', 'failure', 'epoch', 'epoch', 'claim', '' FROM unnest(:named::text[]) AS n
                ORDER BY n COLLATE "C"
                ON CONFLICT (id) DO NOTHING
                RETURNING id""")
                .bindArray("named", String.class, named.toArray(String[]::new)).mapTo(String.class).list();
    }

    /** @param h the writing transaction's handle @param claimed what {@link #claim} returned */
    public static void release(Handle h, Collection<String> claimed) {
        if (!claimed.isEmpty()) {
            h.createUpdate("DELETE FROM deployments WHERE id = ANY(:claimed) AND source = 'claim'")
                    .bindArray("claimed", String.class, claimed.toArray(String[]::new)).execute();
        }
    }

    /**
     * Counts as failed the stored, counted, successful deployments that new incidents name and that no incident named
     * before. The day rows are locked first, in key order, and the incidents read after: of two writers naming one
     * deployment, the second sees the first's incident and adds nothing.
     *
     * @param h the writing transaction's handle, before it inserts the new incidents
     * @param named deployment ids the new incidents name, stored deployments only (not {@link #claim}ed)
     */
    public void addIncidents(Handle h, Collection<String> named) {
        if (named.isEmpty()) {
            return;
        }
        String[] ids = named.toArray(String[]::new);
        h.createQuery("""
                SELECT 1 FROM deploy_days r
                JOIN deployments d ON d.service = r.service AND (d.finished_at AT TIME ZONE :zone)::date = r.day
                WHERE d.id = ANY(:ids) AND %s AND d.status = 'success'
                ORDER BY r.service, r.day
                FOR UPDATE OF r""".formatted(COUNTED))
                .bind("zone", zone.getId()).bindArray("ids", String.class, ids).mapTo(Integer.class).list();
        h.createUpdate("""
                UPDATE deploy_days r SET failed = r.failed + n.failed
                FROM (SELECT d.service, (d.finished_at AT TIME ZONE :zone)::date AS day, count(*)::int AS failed
                      FROM deployments d
                      WHERE d.id = ANY(:ids) AND %s AND d.status = 'success'
                        AND NOT EXISTS (SELECT 1 FROM incidents i WHERE i.deployment_id = d.id)
                      GROUP BY 1, 2) n
                WHERE r.service = n.service AND r.day = n.day""".formatted(COUNTED))
                .bind("zone", zone.getId()).bindArray("ids", String.class, ids).execute();
    }
}
