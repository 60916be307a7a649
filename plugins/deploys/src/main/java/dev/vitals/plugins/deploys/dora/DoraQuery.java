package dev.vitals.plugins.deploys.dora;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Reads what the DORA keys need from schema {@code deploys}: counted deployments summed per local date, and the two
 * medians, which PostgreSQL's {@code percentile_cont(0.5)} computes exactly as the usual median (the mean of the two
 * middle values for an even count). When the period's zone is the one {@link DeployDays} is cut in, counts and lead
 * times come from that roll-up, a row per service and day; otherwise from the events themselves. Both give the same
 * numbers: the roll-up holds the very lead-time values the event query sorts.
 */
public final class DoraQuery {

    private static final String COUNTED = DeployDays.COUNTED;
    private final Jdbi jdbi;
    private final DoraThresholds thresholds;
    /**
     * Reports by scope and period while {@code dora_version} stays at {@link #cachedVersion}: any write bumps it, so
     * a cached report is as exact as a fresh one. Dashboards ask for the same few (team, period) pairs over and over.
     */
    private final Map<CacheKey, DoraReport> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<CacheKey, DoraReport> eldest) {
            return size() > 1_000;
        }
    };
    private long cachedVersion = -1;

    public DoraQuery(Jdbi jdbi, DoraThresholds thresholds) {
        this.jdbi = jdbi;
        this.thresholds = thresholds;
    }

    /**
     * @param services the services to cover; empty means every service
     * @param period the dates
     * @return the four keys
     */
    public DoraReport report(Optional<List<String>> services, Period period) {
        return jdbi.withHandle(h -> {
            long version = DeployDays.version(h);
            CacheKey key = new CacheKey(services, period);
            synchronized (cache) {
                if (version > cachedVersion) {
                    cache.clear();
                    cachedVersion = version;
                }
                DoraReport cached = version == cachedVersion ? cache.get(key) : null;
                if (cached != null) {
                    return cached;
                }
            }
            DoraReport report = report(h, services, period, true);
            synchronized (cache) {
                if (version == cachedVersion) {
                    cache.put(key, report);
                }
            }
            return report;
        });
    }

    private record CacheKey(Optional<List<String>> services, Period period) {
    }

    /** The same report read from the events only, never the roll-up; tests hold the two side by side. */
    DoraReport fromEvents(Optional<List<String>> services, Period period) {
        return report(services, period, false);
    }

    private DoraReport report(Optional<List<String>> services, Period period, boolean rollUp) {
        return jdbi.withHandle(h -> report(h, services, period, rollUp));
    }

    private DoraReport report(Handle h, Optional<List<String>> services, Period period, boolean rollUp) {
        {
            boolean daily = rollUp && rolledUp(h, period);
            List<DayCount> days = daily ? dailyCounts(h, services, period) : dayCounts(h, services, period);
            OptionalDouble lead = daily ? dailyLeadTime(h, services, period) : leadTime(h, services, period);
            Query restore = scoped(h, services, "i.service", """
                    SELECT percentile_cont(0.5) WITHIN GROUP (
                               ORDER BY extract(epoch FROM i.resolved_at - i.started_at)::float8 / 3600) AS median,
                           count(*) AS n
                    FROM incidents i
                    WHERE i.resolved_at >= :start AND i.resolved_at < :end AND <scope>""", period);
            var row = restore.map((rs, ctx) -> new Object[] {rs.getObject("median"), rs.getLong("n")}).one();
            OptionalDouble restoreHours = row[0] == null ? OptionalDouble.empty()
                    : OptionalDouble.of(((Number) row[0]).doubleValue());
            return DoraReport.compute(period, days, lead, restoreHours, (Long) row[1], thresholds);
        }
    }

    /**
     * The report of each service on its own, as {@link #report} gives it for a list of that one service, read for
     * all of them at once: three grouped statements instead of three per service. The signals after a batch over a
     * thousand services ask for a thousand reports. Not cached: dashboards never ask for these again.
     *
     * @param services catalog keys
     * @param period the dates
     * @return a report per service given, in the order given
     */
    public Map<String, DoraReport> perService(Collection<String> services, Period period) {
        return jdbi.withHandle(h -> {
            Map<String, DoraReport> reports = new LinkedHashMap<>();
            if (!rolledUp(h, period)) {
                for (String service : services) {
                    reports.put(service, report(h, Optional.of(List.of(service)), period, false));
                }
                return reports;
            }
            Optional<List<String>> scope = Optional.of(List.copyOf(services));
            Map<String, List<DayCount>> days = new HashMap<>();
            scoped(h, scope, "r.service", """
                    SELECT r.service, r.day, sum(r.deployments) AS n, sum(r.failed) AS failed
                    FROM deploy_days r
                    WHERE r.day >= :from AND r.day < :to AND <scope>
                    GROUP BY 1, 2 ORDER BY 1, 2""", period)
                    .map((rs, ctx) -> days.computeIfAbsent(rs.getString("service"), k -> new ArrayList<>())
                            .add(new DayCount(rs.getObject("day", LocalDate.class), rs.getLong("n"),
                                    rs.getLong("failed"))))
                    .list();
            Map<String, Double> leads = new HashMap<>();
            scoped(h, scope, "r.service", """
                    SELECT r.service, percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) AS median
                    FROM deploy_days r, unnest(r.lead_hours) AS hours
                    WHERE r.day >= :from AND r.day < :to AND <scope>
                    GROUP BY 1""", period)
                    .map((rs, ctx) -> leads.put(rs.getString("service"), rs.getDouble("median"))).list();
            Map<String, Object[]> restores = new HashMap<>();
            scoped(h, scope, "i.service", """
                    SELECT i.service, percentile_cont(0.5) WITHIN GROUP (
                               ORDER BY extract(epoch FROM i.resolved_at - i.started_at)::float8 / 3600) AS median,
                           count(*) AS n
                    FROM incidents i
                    WHERE i.resolved_at >= :start AND i.resolved_at < :end AND <scope>
                    GROUP BY 1""", period)
                    .map((rs, ctx) -> restores.put(rs.getString("service"),
                            new Object[] {rs.getObject("median"), rs.getLong("n")}))
                    .list();
            for (String service : services) {
                Double lead = leads.get(service);
                Object[] restore = restores.getOrDefault(service, new Object[] {null, 0L});
                reports.put(service, DoraReport.compute(period, days.getOrDefault(service, List.of()),
                        lead == null ? OptionalDouble.empty() : OptionalDouble.of(lead),
                        restore[0] == null ? OptionalDouble.empty()
                                : OptionalDouble.of(((Number) restore[0]).doubleValue()),
                        (Long) restore[1], thresholds));
            }
            return reports;
        });
    }

    /**
     * @param services the services; empty for all
     * @param period the dates
     * @return counted deployments per ISO week overlapping the period, oldest first, empty weeks included
     */
    public List<Long> weeklyDeployments(Optional<List<String>> services, Period period) {
        List<DayCount> days = jdbi.withHandle(h -> rolledUp(h, period) ? dailyCounts(h, services, period)
                : dayCounts(h, services, period));
        List<Long> weeks = new java.util.ArrayList<>();
        for (LocalDate monday : period.weekStarts()) {
            weeks.add(days.stream().filter(d -> !d.date().isBefore(monday) && d.date().isBefore(monday.plusWeeks(1)))
                    .mapToLong(DayCount::deployments).sum());
        }
        return weeks;
    }

    /**
     * @param services catalog keys
     * @return those of them with at least one counted deployment or incident ever; a counted deployment always has
     *     its row in {@code deploy_days} once the plugin has started
     */
    public Set<String> servicesWithData(Collection<String> services) {
        // Asked after every ingest for the few services it touched: probing their keys costs the same at 10 or
        // 10,000 services with data, where grouping every row of both tables would not.
        return jdbi.withHandle(h -> new HashSet<>(h.createQuery("""
                SELECT s FROM unnest(:services::text[]) AS s
                WHERE EXISTS (SELECT 1 FROM deploy_days r WHERE r.service = s)
                   OR EXISTS (SELECT 1 FROM incidents i WHERE i.service = s)""")
                .bindArray("services", String.class, services.toArray(String[]::new))
                .mapTo(String.class).list()));
    }

    private static boolean rolledUp(Handle h, Period period) {
        return DeployDays.zone(h).map(z -> z.getId().equals(period.zone().getId())).orElse(false);
    }

    private List<DayCount> dailyCounts(Handle h, Optional<List<String>> services, Period period) {
        return scoped(h, services, "r.service", """
                SELECT r.day, sum(r.deployments) AS n, sum(r.failed) AS failed
                FROM deploy_days r
                WHERE r.day >= :from AND r.day < :to AND <scope>
                GROUP BY 1 ORDER BY 1""", period)
                .map((rs, ctx) -> new DayCount(rs.getObject("day", LocalDate.class), rs.getLong("n"),
                        rs.getLong("failed")))
                .list();
    }

    private OptionalDouble dailyLeadTime(Handle h, Optional<List<String>> services, Period period) {
        Double median = scoped(h, services, "r.service", """
                SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY hours)
                FROM deploy_days r, unnest(r.lead_hours) AS hours
                WHERE r.day >= :from AND r.day < :to AND <scope>""", period)
                .mapTo(Double.class).one();
        return median == null ? OptionalDouble.empty() : OptionalDouble.of(median);
    }

    private List<DayCount> dayCounts(Handle h, Optional<List<String>> services, Period period) {
        return scoped(h, services, "d.service", """
                SELECT (d.finished_at AT TIME ZONE :zone)::date AS day, count(*) AS n,
                       count(*) FILTER (WHERE d.status = 'rolled_back' OR caused.deployment_id IS NOT NULL) AS failed
                FROM deployments d
                LEFT JOIN (SELECT DISTINCT deployment_id FROM incidents WHERE deployment_id IS NOT NULL) caused
                       ON caused.deployment_id = d.id
                WHERE %s AND d.finished_at >= :start AND d.finished_at < :end AND <scope>
                GROUP BY 1 ORDER BY 1""".formatted(COUNTED), period)
                .map((rs, ctx) -> new DayCount(rs.getObject("day", LocalDate.class), rs.getLong("n"),
                        rs.getLong("failed")))
                .list();
    }

    /**
     * Each commit counts once per service, at the first counted deployment of that service that shipped it; that
     * first deployment is kept up to date at ingest in {@code commit_first_deploys}.
     */
    private OptionalDouble leadTime(Handle h, Optional<List<String>> services, Period period) {
        Double median = scoped(h, services, "f.service", """
                SELECT percentile_cont(0.5) WITHIN GROUP (
                           ORDER BY extract(epoch FROM f.first_finished_at - f.committed_at)::float8 / 3600)
                FROM commit_first_deploys f
                WHERE f.first_finished_at >= :start AND f.first_finished_at < :end
                  AND f.first_finished_at > f.committed_at AND <scope>""", period)
                .mapTo(Double.class).one();
        return median == null ? OptionalDouble.empty() : OptionalDouble.of(median);
    }

    private static Query scoped(Handle h, Optional<List<String>> services, String column, String sql, Period period) {
        Query query = h.createQuery(sql.replace("<scope>",
                        services.isPresent() ? column + " = ANY(:services)" : "TRUE"))
                .bind("start", period.start()).bind("end", period.end()).bind("zone", period.zone().getId())
                .bind("from", period.from()).bind("to", period.to());
        services.ifPresent(list -> query.bindArray("services", String.class, list.toArray(String[]::new)));
        return query;
    }
}
