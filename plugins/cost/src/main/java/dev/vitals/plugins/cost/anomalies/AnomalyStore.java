package dev.vitals.plugins.cost.anomalies;

import dev.vitals.api.EntityRef;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The anomalies table: replaced per detected period, read for the API, the pages and the signals. */
public final class AnomalyStore {

    private static final String COLUMNS = """
            id, service, day, cost, expected, low, high, score, method, history_days, detected_at, dismissed_at,
            dismissed_by, reason, note""";

    private final Jdbi jdbi;

    public AnomalyStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Stores what detection found over [from, to) and forgets the undismissed anomalies of that period it no longer
     * finds (the data changed). An anomaly found again keeps its number and its dismissal.
     *
     * @return the anomalies found that were not stored before
     */
    public List<StoredAnomaly> replace(LocalDate from, LocalDate to, Map<EntityRef, List<Expectation>> found,
            Instant now) {
        return jdbi.inTransaction(h -> {
            List<Long> kept = new ArrayList<>();
            List<Long> added = new ArrayList<>();
            PreparedBatch batch = h.prepareBatch("""
                    INSERT INTO anomalies (service, day, cost, expected, low, high, score, method, history_days,
                                           detected_at)
                    VALUES (:service, :day, :cost, :expected, :low, :high, :score, :method, :history, :now)
                    ON CONFLICT (service, day) DO UPDATE SET cost = excluded.cost, expected = excluded.expected,
                        low = excluded.low, high = excluded.high, score = excluded.score, method = excluded.method,
                        history_days = excluded.history_days, detected_at = excluded.detected_at
                    RETURNING id, xmax = 0 AS added""");
            found.forEach((service, days) -> days.forEach(e -> batch
                    .bind("service", service.toString()).bind("day", e.day()).bind("cost", e.cost())
                    .bind("expected", e.expected()).bind("low", e.low()).bind("high", e.high())
                    .bind("score", e.score()).bind("method", e.method()).bind("history", e.historyDays())
                    .bind("now", now).add()));
            if (batch.size() > 0) {
                batch.executePreparedBatch("id", "added").map((rs, ctx) -> {
                    (rs.getBoolean("added") ? added : kept).add(rs.getLong("id"));
                    return null;
                }).list();
            }
            List<Long> all = new ArrayList<>(kept);
            all.addAll(added);
            h.createUpdate("""
                    DELETE FROM anomalies WHERE day >= :from AND day < :to AND dismissed_at IS NULL
                      AND id <> ALL(:ids)""")
                    .bind("from", from).bind("to", to).bindArray("ids", Long.class, all).execute();
            return added.isEmpty() ? List.<StoredAnomaly>of() : byIds(h, added);
        });
    }

    /**
     * @param services only these, when present
     * @param open only undismissed ones when true, only dismissed when false, both when empty
     * @return the anomalies of [from, to), the latest day first, then the highest score
     */
    public List<StoredAnomaly> list(LocalDate from, LocalDate to, Optional<Collection<EntityRef>> services,
            Optional<Boolean> open) {
        String state = open.map(o -> o ? " AND dismissed_at IS NULL" : " AND dismissed_at IS NOT NULL").orElse("");
        String scope = services.isPresent() ? " AND service = ANY(:services)" : "";
        return jdbi.withHandle(h -> {
            var query = h.createQuery("SELECT " + COLUMNS + " FROM anomalies WHERE day >= :from AND day < :to"
                    + state + scope + " ORDER BY day DESC, score DESC, id")
                    .bind("from", from).bind("to", to);
            services.ifPresent(s -> query.bindArray("services", String.class,
                    s.stream().map(EntityRef::toString).toList()));
            return query.map((rs, ctx) -> anomaly(rs)).list();
        });
    }

    public Optional<StoredAnomaly> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM anomalies WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> anomaly(rs)).findOne());
    }

    /** @return the dismissed anomaly; empty when there is none with that number */
    public Optional<StoredAnomaly> dismiss(long id, Dismissal dismissal) {
        return jdbi.withHandle(h -> h.createQuery("""
                UPDATE anomalies SET dismissed_at = :at, dismissed_by = :by, reason = :reason, note = :note
                WHERE id = :id RETURNING""" + " " + COLUMNS)
                .bind("id", id).bind("at", dismissal.at()).bind("by", dismissal.by())
                .bind("reason", dismissal.reason()).bind("note", dismissal.note().orElse(null))
                .map((rs, ctx) -> anomaly(rs)).findOne());
    }

    private static List<StoredAnomaly> byIds(Handle h, List<Long> ids) {
        return h.createQuery("SELECT " + COLUMNS + " FROM anomalies WHERE id = ANY(:ids) ORDER BY day, service")
                .bindArray("ids", Long.class, ids).map((rs, ctx) -> anomaly(rs)).list();
    }

    private static StoredAnomaly anomaly(ResultSet rs) throws SQLException {
        Expectation e = new Expectation(rs.getObject("day", LocalDate.class), rs.getBigDecimal("cost"),
                rs.getBigDecimal("expected"), rs.getBigDecimal("low"), rs.getBigDecimal("high"),
                rs.getDouble("score"), rs.getString("method"), rs.getInt("history_days"));
        Optional<Dismissal> dismissal = Optional.empty();
        OffsetDateTime dismissedAt = rs.getObject("dismissed_at", OffsetDateTime.class);
        if (dismissedAt != null) {
            dismissal = Optional.of(new Dismissal(rs.getString("dismissed_by"), dismissedAt.toInstant(),
                    rs.getString("reason"), Optional.ofNullable(rs.getString("note"))));
        }
        return new StoredAnomaly(rs.getLong("id"), EntityRef.parse(rs.getString("service")), e,
                rs.getObject("detected_at", OffsetDateTime.class).toInstant(), dismissal);
    }
}
