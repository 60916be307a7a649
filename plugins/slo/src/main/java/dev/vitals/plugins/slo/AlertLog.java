package dev.vitals.plugins.slo;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/** The history of burn-rate alerts: an event opens when an alert starts firing and closes when it stops. */
final class AlertLog {

    private final Jdbi jdbi;

    AlertLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    static String rule(BurnRateAlert alert) {
        return BurnRateAlert.label(alert.longWindow()) + "&" + BurnRateAlert.label(alert.shortWindow()) + ">"
                + alert.threshold();
    }

    /** Opens events for alerts that fire and have none open, and closes open events of alerts that stopped. */
    void record(SloStatus status) {
        jdbi.useTransaction(h -> {
            for (AlertState state : status.alerts()) {
                String rule = rule(state.alert());
                if (state.firing()) {
                    h.createUpdate("""
                            INSERT INTO alert_events (slo, severity, rule, started_at)
                            VALUES (:slo, :severity, :rule, :at)
                            ON CONFLICT (slo, rule) WHERE resolved_at IS NULL DO NOTHING""")
                            .bind("slo", status.slo().name()).bind("severity", state.alert().severity())
                            .bind("rule", rule).bind("at", SampleRepository.utc(status.at())).execute();
                } else {
                    h.createUpdate("""
                            UPDATE alert_events SET resolved_at = greatest(started_at, :at)
                            WHERE slo = :slo AND rule = :rule AND resolved_at IS NULL""")
                            .bind("slo", status.slo().name()).bind("rule", rule)
                            .bind("at", SampleRepository.utc(status.at())).execute();
                }
            }
        });
    }

    List<AlertEvent> latest(String slo, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM alert_events WHERE slo = :slo ORDER BY started_at DESC, id DESC LIMIT :limit""")
                .bind("slo", slo).bind("limit", limit)
                .map((rs, ctx) -> new AlertEvent(rs.getString("slo"), rs.getString("severity"), rs.getString("rule"),
                        rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject("resolved_at", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant)))
                .list());
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
