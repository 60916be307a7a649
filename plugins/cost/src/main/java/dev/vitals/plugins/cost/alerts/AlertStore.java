package dev.vitals.plugins.cost.alerts;

import dev.vitals.api.EntityRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The alerts table: replaced per assessed period like the anomalies. */
public final class AlertStore {

    private final Jdbi jdbi;

    public AlertStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** @return the alerts of [from, to) that were not stored before */
    public List<Alert> replace(LocalDate from, LocalDate to, List<Alert> found, java.util.function.Function<EntityRef,
            Optional<EntityRef>> teamOf, Instant now) {
        return jdbi.inTransaction(h -> {
            List<Long> all = new ArrayList<>();
            List<Alert> added = new ArrayList<>();
            PreparedBatch batch = h.prepareBatch("""
                    INSERT INTO alerts (subject_kind, subject, team, period, day, current_cost, previous_cost,
                                        detected_at)
                    VALUES (:kind, :subject, :team, :period, :day, :current, :previous, :now)
                    ON CONFLICT (subject_kind, subject, period, day) DO UPDATE SET team = excluded.team,
                        current_cost = excluded.current_cost, previous_cost = excluded.previous_cost
                    RETURNING id, xmax = 0 AS added""");
            for (Alert a : found) {
                Optional<EntityRef> team = a.aboutTeam() ? Optional.of(a.subject()) : teamOf.apply(a.subject());
                batch.bind("kind", a.aboutTeam() ? "team" : "service").bind("subject", a.subject().toString())
                        .bind("team", team.map(EntityRef::toString).orElse(null)).bind("period", a.period().word())
                        .bind("day", a.day()).bind("current", a.current()).bind("previous", a.previous())
                        .bind("now", now).add();
            }
            if (batch.size() > 0) {
                List<Boolean> flags = batch.executePreparedBatch("id", "added").map((rs, ctx) -> {
                    all.add(rs.getLong("id"));
                    return rs.getBoolean("added");
                }).list();
                for (int i = 0; i < flags.size(); i++) {
                    if (flags.get(i)) {
                        added.add(found.get(i));
                    }
                }
            }
            h.createUpdate("DELETE FROM alerts WHERE day >= :from AND day < :to AND id <> ALL(:ids)")
                    .bind("from", from).bind("to", to).bindArray("ids", Long.class, all).execute();
            return added;
        });
    }

    /**
     * @param subjects only alerts about these services or teams, when present
     * @return the alerts of [from, to), the latest day first
     */
    public List<Alert> list(LocalDate from, LocalDate to, Optional<Collection<EntityRef>> subjects) {
        String scope = subjects.isPresent() ? " AND subject = ANY(:subjects)" : "";
        return jdbi.withHandle(h -> {
            var query = h.createQuery("""
                    SELECT subject, period, day, current_cost, previous_cost FROM alerts
                    WHERE day >= :from AND day < :to""" + scope + " ORDER BY day DESC, subject, period")
                    .bind("from", from).bind("to", to);
            subjects.ifPresent(s -> query.bindArray("subjects", String.class,
                    s.stream().map(EntityRef::toString).toList()));
            return query.map((rs, ctx) -> new Alert(EntityRef.parse(rs.getString("subject")),
                    Period.of(rs.getString("period")).orElseThrow(), rs.getObject("day", LocalDate.class),
                    rs.getBigDecimal("current_cost"), rs.getBigDecimal("previous_cost"))).list();
        });
    }
}
