package dev.vitals.plugins.deploys.dora;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The daily roll-up {@code deploy_days}: per service and local date, counted deployments, rolled back, failed and the
 * lead times of the commits first shipped that day. Writers never add to its numbers; they name the (service, day)
 * pairs they touched and those rows are recomputed from the events, so the roll-up says exactly what the events say
 * whatever the order of arrival, replays included.
 *
 * <p>Recomputing reads committed rows only, so two transactions touching the same day could each miss the other's
 * rows. Every writer therefore takes one transaction-level advisory lock before it recomputes: whoever comes second
 * sees the first one's rows. Inserting the events themselves stays concurrent; only the recomputation and the commit
 * after it are serialised.
 */
public final class DeployDays {

    /** Advisory lock key: "deploys\1" as ASCII. Only this plugin's writers take it. */
    private static final long LOCK = 0x6465706c6f797301L;
    static final String COUNTED = "d.environment = 'production' AND d.status IN ('success', 'rolled_back')";
    private final Optional<String> zone;

    private DeployDays(Optional<String> zone) {
        this.zone = zone;
    }

    /**
     * A (service, local date) row of the roll-up.
     *
     * @param service the catalog key
     * @param day the date in the roll-up's zone
     */
    public record Key(String service, LocalDate day) {
    }

    /**
     * Takes the roll-up's lock for the rest of the transaction.
     *
     * @param h a handle inside a transaction
     * @return the roll-up as it is cut, to recompute rows with
     */
    public static DeployDays lock(Handle h) {
        h.execute("SELECT pg_advisory_xact_lock(?)", LOCK);
        return new DeployDays(zone(h).map(ZoneId::getId));
    }

    /**
     * Marks every cached DORA report as stale; call in the transaction that changes deployments or incidents, after
     * {@link #lock} so that writers always take the lock before the version row.
     *
     * @param h the writing transaction's handle
     */
    public static void changed(Handle h) {
        h.execute("UPDATE dora_version SET version = version + 1");
    }

    /** @param h a handle @return the number {@link #changed} last set */
    public static long version(Handle h) {
        return h.createQuery("SELECT version FROM dora_version").mapTo(Long.class).one();
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
        return jdbi.inTransaction(h -> {
            DeployDays current = lock(h);
            if (current.zone.equals(Optional.of(orgZone.getId()))) {
                return false;
            }
            h.execute("DELETE FROM deploy_days");
            changed(h);
            h.createUpdate("""
                    INSERT INTO deploy_days_zone (one, zone) VALUES (TRUE, :zone)
                    ON CONFLICT (one) DO UPDATE SET zone = excluded.zone""").bind("zone", orgZone.getId()).execute();
            DeployDays rebuilt = new DeployDays(Optional.of(orgZone.getId()));
            rebuilt.recompute(h, h.createQuery("SELECT DISTINCT d.service, (d.finished_at AT TIME ZONE :zone)::date"
                    + " AS day FROM deployments d WHERE " + COUNTED).bind("zone", orgZone.getId())
                    .map((rs, ctx) -> new Key(rs.getString("service"), rs.getObject("day", LocalDate.class))).list());
            return true;
        });
    }

    /**
     * The rows that deployments touch: their own days, and the days their commits were first shipped on so far
     * (ask before {@code commit_first_deploys} moves a commit to an earlier deployment).
     *
     * @param h the writing transaction's handle
     * @param ids the deployments just stored
     * @return the pairs to recompute once the events are written
     */
    public Set<Key> touchedByDeployments(Handle h, Collection<String> ids) {
        if (zone.isEmpty() || ids.isEmpty()) {
            return Set.of();
        }
        return new LinkedHashSet<>(h.createQuery("""
                SELECT d.service, (d.finished_at AT TIME ZONE :zone)::date AS day
                FROM deployments d WHERE d.id = ANY(:ids) AND %s
                UNION
                SELECT f.service, (f.first_finished_at AT TIME ZONE :zone)::date
                FROM deployments d
                JOIN deployment_commits c ON c.deployment_id = d.id
                JOIN commit_first_deploys f ON f.service = d.service AND f.sha = c.sha
                WHERE d.id = ANY(:ids)""".formatted(COUNTED))
                .bind("zone", zone.get()).bindArray("ids", String.class, ids.toArray(String[]::new))
                .map((rs, ctx) -> new Key(rs.getString("service"), rs.getObject("day", LocalDate.class))).list());
    }

    /**
     * @param h the writing transaction's handle
     * @param deploymentIds deployments that incidents just named as their cause
     * @return the pairs whose failed count may change
     */
    public Set<Key> touchedByIncidents(Handle h, Collection<String> deploymentIds) {
        if (zone.isEmpty() || deploymentIds.isEmpty()) {
            return Set.of();
        }
        return new LinkedHashSet<>(h.createQuery("SELECT DISTINCT d.service, (d.finished_at AT TIME ZONE :zone)::date"
                        + " AS day FROM deployments d WHERE d.id = ANY(:ids) AND " + COUNTED)
                .bind("zone", zone.get()).bindArray("ids", String.class, deploymentIds.toArray(String[]::new))
                .map((rs, ctx) -> new Key(rs.getString("service"), rs.getObject("day", LocalDate.class))).list());
    }

    /**
     * Recomputes the given rows from the events; a pair without counted deployments has no row.
     *
     * @param h the writing transaction's handle, after {@link #lock}
     * @param keys the pairs
     */
    public void recompute(Handle h, Collection<Key> keys) {
        changed(h);
        if (zone.isEmpty() || keys.isEmpty()) {
            return;
        }
        List<String> services = new ArrayList<>(keys.size());
        List<String> days = new ArrayList<>(keys.size());
        for (Key key : keys) {
            services.add(key.service());
            days.add(key.day().toString());
        }
        // Each pair is looked up on its own (LATERAL) so that PostgreSQL walks the (service, finished_at) indexes
        // instead of hashing the whole table on the local date. The window is the local day widened by three hours
        // on each side, which covers any daylight-saving quirk at midnight; the local date itself decides.
        h.createUpdate("""
                WITH keys AS (
                    SELECT DISTINCT k.service, k.day,
                           (k.day::timestamp AT TIME ZONE :zone) - interval '3 hours' AS low,
                           ((k.day + 1)::timestamp AT TIME ZONE :zone) + interval '3 hours' AS high
                    FROM unnest(:services::text[], :days::date[]) AS k (service, day)),
                counts AS (
                    SELECT k.service, k.day, c.n, c.rolled_back, c.failed
                    FROM keys k CROSS JOIN LATERAL (
                        SELECT count(*) AS n,
                               count(*) FILTER (WHERE d.status = 'rolled_back') AS rolled_back,
                               count(*) FILTER (WHERE d.status = 'rolled_back'
                                   OR EXISTS (SELECT 1 FROM incidents i WHERE i.deployment_id = d.id)) AS failed
                        FROM deployments d
                        WHERE d.service = k.service AND %s
                          AND d.finished_at >= k.low AND d.finished_at < k.high
                          AND (d.finished_at AT TIME ZONE :zone)::date = k.day) c
                    WHERE c.n > 0),
                leads AS (
                    SELECT k.service, k.day, l.hours
                    FROM keys k CROSS JOIN LATERAL (
                        SELECT array_agg(extract(epoch FROM f.first_finished_at - f.committed_at)::float8 / 3600)
                                   AS hours
                        FROM commit_first_deploys f
                        WHERE f.service = k.service
                          AND f.first_finished_at >= k.low AND f.first_finished_at < k.high
                          AND (f.first_finished_at AT TIME ZONE :zone)::date = k.day
                          AND f.first_finished_at > f.committed_at) l),
                gone AS (
                    DELETE FROM deploy_days r USING keys k
                    WHERE r.service = k.service AND r.day = k.day
                      AND NOT EXISTS (SELECT 1 FROM counts c WHERE c.service = k.service AND c.day = k.day))
                INSERT INTO deploy_days (service, day, deployments, rolled_back, failed, lead_hours)
                SELECT c.service, c.day, c.n, c.rolled_back, c.failed, coalesce(l.hours, '{}')
                FROM counts c LEFT JOIN leads l ON l.service = c.service AND l.day = c.day
                ON CONFLICT (service, day) DO UPDATE SET deployments = excluded.deployments,
                    rolled_back = excluded.rolled_back, failed = excluded.failed, lead_hours = excluded.lead_hours"""
                        .formatted(COUNTED))
                .bind("zone", zone.get())
                .bindArray("services", String.class, services.toArray(String[]::new))
                .bindArray("days", String.class, days.toArray(String[]::new))
                .execute();
    }
}
