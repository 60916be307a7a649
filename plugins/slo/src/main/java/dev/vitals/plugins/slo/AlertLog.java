package dev.vitals.plugins.slo;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jdbi.v3.core.Jdbi;

/** The history of burn-rate alerts: an event opens when an alert starts firing and closes when it stops. */
final class AlertLog {

    private final Jdbi jdbi;
    private final List<String> webhooks;

    AlertLog(Jdbi jdbi, List<String> webhooks) {
        this.jdbi = jdbi;
        this.webhooks = List.copyOf(webhooks);
    }

    static String rule(BurnRateAlert alert) {
        return BurnRateAlert.label(alert.longWindow()) + "&" + BurnRateAlert.label(alert.shortWindow()) + ">"
                + alert.threshold();
    }

    /**
     * Records many statuses: reads every open event of those SLOs at once and writes only for the alerts whose state
     * differs, so a quiet tick over thousands of SLOs costs one query.
     *
     * @param workers records the SLOs whose alerts changed side by side
     * @return how many SLOs had an alert change
     */
    int recordAll(java.util.Collection<SloStatus> statuses, Executor workers) {
        if (statuses.isEmpty()) {
            return 0;
        }
        java.util.Set<String> open = new java.util.HashSet<>(jdbi.withHandle(h -> h.createQuery("""
                        SELECT slo || ' ' || rule FROM alert_events
                        WHERE resolved_at IS NULL AND slo = ANY(CAST(:slos AS text[]))""")
                .bindArray("slos", String.class, statuses.stream().map(s -> s.slo().name()).toList())
                .mapTo(String.class).list()));
        List<SloStatus> changed = statuses.stream().filter(status -> status.alerts().stream().anyMatch(a -> a.firing()
                != open.contains(status.slo().name() + " " + rule(a.alert())))).toList();
        // One transaction per SLO, side by side: a burst of alerts starting together is a dozen statements each.
        CompletableFuture.allOf(changed.stream().map(status -> CompletableFuture.runAsync(() -> record(status),
                workers)).toArray(CompletableFuture[]::new)).join();
        return changed.size();
    }

    /** Opens events for alerts that fire and have none open, and closes open events of alerts that stopped. */
    void record(SloStatus status) {
        jdbi.useTransaction(h -> {
            for (AlertState state : status.alerts()) {
                String rule = rule(state.alert());
                List<Long> changed;
                if (state.firing()) {
                    changed = h.createQuery("""
                            INSERT INTO alert_events (slo, severity, rule, started_at)
                            VALUES (:slo, :severity, :rule, :at)
                            ON CONFLICT (slo, rule) WHERE resolved_at IS NULL DO NOTHING
                            RETURNING id""")
                            .bind("slo", status.slo().name()).bind("severity", state.alert().severity())
                            .bind("rule", rule).bind("at", SampleRepository.utc(status.at())).mapTo(Long.class).list();
                } else {
                    changed = h.createQuery("""
                            UPDATE alert_events SET resolved_at = greatest(started_at, :at)
                            WHERE slo = :slo AND rule = :rule AND resolved_at IS NULL
                            RETURNING id""")
                            .bind("slo", status.slo().name()).bind("rule", rule)
                            .bind("at", SampleRepository.utc(status.at())).mapTo(Long.class).list();
                }
                // The notification is written with the change it reports, so neither exists without the other.
                for (Long id : changed) {
                    AlertEvent event = h.createQuery("SELECT * FROM alert_events WHERE id = :id").bind("id", id)
                            .map((rs, ctx) -> event(rs)).one();
                    String change = state.firing() ? "fired" : "resolved";
                    for (String target : webhooks) {
                        h.createUpdate("""
                                INSERT INTO alert_notifications (event_id, change, target, payload, next_attempt_at)
                                VALUES (:id, :change, :target, :payload, :at)
                                ON CONFLICT (event_id, change, target) DO NOTHING""")
                                .bind("id", id).bind("change", change).bind("target", target)
                                .bind("payload", AlertNotifier.payload(target, event, change))
                                .bind("at", SampleRepository.utc(status.at())).execute();
                    }
                }
            }
        });
    }

    List<AlertEvent> latest(String slo, int limit) {
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
    Map<String, Integer> startedBetween(Instant from, Instant to) {
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
