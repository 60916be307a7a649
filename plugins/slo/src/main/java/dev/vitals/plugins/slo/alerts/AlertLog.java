package dev.vitals.plugins.slo.alerts;

import dev.vitals.plugins.slo.links.SloLinks;
import dev.vitals.plugins.slo.samples.SampleRepository;
import dev.vitals.plugins.slo.status.AlertState;
import dev.vitals.plugins.slo.status.BurnRateAlert;
import dev.vitals.plugins.slo.status.SloStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/** The history of burn-rate alerts: an event opens when an alert starts firing and closes when it stops. */
public final class AlertLog {

    private final Jdbi jdbi;
    private final List<String> webhooks;
    private final SloLinks links;

    /**
     * @param webhooks where every alert change is sent
     * @param links the SLO pages the messages lead to
     */
    public AlertLog(Jdbi jdbi, List<String> webhooks, SloLinks links) {
        this.jdbi = jdbi;
        this.webhooks = List.copyOf(webhooks);
        this.links = links;
    }

    static String rule(BurnRateAlert alert) {
        return BurnRateAlert.label(alert.longWindow()) + "&" + BurnRateAlert.label(alert.shortWindow()) + ">"
                + alert.threshold();
    }

    /**
     * Records many statuses: reads every open event of those SLOs at once and writes only for the SLOs whose alert
     * states differ, so a quiet tick over thousands of SLOs costs one query, and a storm of alerts a few statements.
     *
     * @return how many SLOs had an alert change
     */
    public int recordAll(Collection<SloStatus> statuses) {
        if (statuses.isEmpty()) {
            return 0;
        }
        Set<String> open = new HashSet<>(jdbi.withHandle(h -> h.createQuery("""
                        SELECT slo || ' ' || rule FROM alert_events
                        WHERE resolved_at IS NULL AND slo = ANY(CAST(:slos AS text[]))""")
                .bindArray("slos", String.class, statuses.stream().map(s -> s.slo().name()).toList())
                .mapTo(String.class).list()));
        List<SloStatus> changed = statuses.stream().filter(status -> status.alerts().stream().anyMatch(a -> a.firing()
                != open.contains(status.slo().name() + " " + rule(a.alert())))).toList();
        write(changed);
        return changed.size();
    }

    /**
     * Opens events for alerts that fire and have none open, and closes open events of alerts that stopped, in one
     * transaction for all the statuses: an INSERT of every firing alert (the unique index on open events skips
     * those already open, also when another instance got there first), an UPDATE closing every open event of an alert
     * that stopped, and the notifications of exactly the events those two changed.
     */
    private void write(List<SloStatus> statuses) {
        if (statuses.isEmpty()) {
            return;
        }
        Map<String, Instant> at = new HashMap<>();
        List<String[]> firing = new ArrayList<>();
        List<String[]> stopped = new ArrayList<>();
        for (SloStatus status : statuses) {
            at.put(status.slo().name(), status.at());
            for (AlertState state : status.alerts()) {
                String[] row = {status.slo().name(), state.alert().severity(), rule(state.alert()),
                    status.at().toString()};
                (state.firing() ? firing : stopped).add(row);
            }
        }
        jdbi.useTransaction(h -> {
            List<Change> changes = new ArrayList<>();
            if (!firing.isEmpty()) {
                h.createQuery("""
                        INSERT INTO alert_events (slo, severity, rule, started_at)
                        SELECT * FROM unnest(CAST(:slo AS text[]), CAST(:severity AS text[]), CAST(:rule AS text[]),
                                             CAST(:at AS timestamptz[])) ORDER BY 1, 3
                        ON CONFLICT (slo, rule) WHERE resolved_at IS NULL DO NOTHING
                        RETURNING *""")
                        .bindArray("slo", String.class, column(firing, 0))
                        .bindArray("severity", String.class, column(firing, 1))
                        .bindArray("rule", String.class, column(firing, 2))
                        .bindArray("at", String.class, column(firing, 3))
                        .map((rs, ctx) -> new Change(rs.getLong("id"), event(rs), "fired")).forEach(changes::add);
            }
            if (!stopped.isEmpty()) {
                String stoppedAlerts = " unnest(CAST(:slo AS text[]), CAST(:rule AS text[]), CAST(:at AS timestamptz[]))"
                        + " AS b(slo, rule, at) WHERE e.slo = b.slo AND e.rule = b.rule AND e.resolved_at IS NULL";
                // Rows locked in one order first, so two instances closing the same events cannot deadlock.
                h.createQuery("SELECT e.id FROM alert_events e," + stoppedAlerts + " ORDER BY e.id FOR UPDATE OF e")
                        .bindArray("slo", String.class, column(stopped, 0))
                        .bindArray("rule", String.class, column(stopped, 2))
                        .bindArray("at", String.class, column(stopped, 3)).mapTo(Long.class).list();
                h.createQuery("UPDATE alert_events e SET resolved_at = greatest(e.started_at, b.at) FROM"
                                + stoppedAlerts + " RETURNING e.*")
                        .bindArray("slo", String.class, column(stopped, 0))
                        .bindArray("rule", String.class, column(stopped, 2))
                        .bindArray("at", String.class, column(stopped, 3))
                        .map((rs, ctx) -> new Change(rs.getLong("id"), event(rs), "resolved")).forEach(changes::add);
            }
            // The notifications are written with the changes they report, so neither exists without the other.
            List<String[]> notifications = new ArrayList<>();
            for (Change change : changes) {
                for (String target : webhooks) {
                    notifications.add(new String[] {String.valueOf(change.id()), change.change(), target,
                        AlertNotifier.payload(target, change.event(), change.change(),
                                links.slo(change.event().slo())),
                        at.get(change.event().slo()).toString()});
                }
            }
            if (!notifications.isEmpty()) {
                h.createUpdate("""
                        INSERT INTO alert_notifications (event_id, change, target, payload, next_attempt_at)
                        SELECT * FROM unnest(CAST(:id AS bigint[]), CAST(:change AS text[]), CAST(:target AS text[]),
                                             CAST(:payload AS text[]), CAST(:at AS timestamptz[]))
                        ON CONFLICT (event_id, change, target) DO NOTHING""")
                        .bindArray("id", Long.class, column(notifications, 0).stream().map(Long::valueOf).toList())
                        .bindArray("change", String.class, column(notifications, 1))
                        .bindArray("target", String.class, column(notifications, 2))
                        .bindArray("payload", String.class, column(notifications, 3))
                        .bindArray("at", String.class, column(notifications, 4))
                        .execute();
            }
        });
    }

    /** An alert event the write opened or closed. */
    private record Change(long id, AlertEvent event, String change) {
    }

    private static List<String> column(List<String[]> rows, int index) {
        return rows.stream().map(r -> r[index]).toList();
    }

    public List<AlertEvent> latest(String slo, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM alert_events WHERE slo = :slo ORDER BY started_at DESC, id DESC LIMIT :limit""")
                .bind("slo", slo).bind("limit", limit).map((rs, ctx) -> event(rs)).list());
    }

    private static AlertEvent event(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new AlertEvent(rs.getString("slo"), rs.getString("severity"), rs.getString("rule"),
                rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(rs.getObject("resolved_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant));
    }

    /** @return per SLO, how many alerts started in [from, to) */
    public Map<String, Integer> startedBetween(Instant from, Instant to) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT slo, count(*) AS n FROM alert_events
                        WHERE started_at >= :from AND started_at < :to GROUP BY slo""")
                .bind("from", SampleRepository.utc(from)).bind("to", SampleRepository.utc(to))
                .reduceRows(new TreeMap<String, Integer>(), (map, row) -> {
                    map.put(row.getColumn("slo", String.class), row.getColumn("n", Integer.class));
                    return map;
                }));
    }
}
