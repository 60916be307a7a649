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
            List<String> services = new ArrayList<>();
            List<String> days = new ArrayList<>();
            List<String> costs = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            List<String> lows = new ArrayList<>();
            List<String> highs = new ArrayList<>();
            List<Double> scores = new ArrayList<>();
            List<String> methods = new ArrayList<>();
            List<Integer> histories = new ArrayList<>();
            found.forEach((service, list) -> list.forEach(e -> {
                services.add(service.toString());
                days.add(e.day().toString());
                costs.add(e.cost().toPlainString());
                expected.add(e.expected().toPlainString());
                lows.add(e.low().toPlainString());
                highs.add(e.high().toPlainString());
                scores.add(e.score());
                methods.add(e.method());
                histories.add(e.historyDays());
            }));
            // Set-based whatever the count: a 13-month backfill finds thousands.
            h.execute("""
                    CREATE TEMP TABLE found_anomalies (service text, day date, cost numeric, expected numeric,
                        low numeric, high numeric, score numeric, method text, history_days integer) ON COMMIT DROP""");
            h.createUpdate("""
                    INSERT INTO found_anomalies
                    SELECT * FROM unnest(:services, CAST(:days AS date[]), CAST(:costs AS numeric[]),
                        CAST(:expected AS numeric[]), CAST(:lows AS numeric[]), CAST(:highs AS numeric[]),
                        CAST(:scores AS numeric[]), :methods, :histories)""")
                    .bindArray("services", String.class, services).bindArray("days", String.class, days)
                    .bindArray("costs", String.class, costs).bindArray("expected", String.class, expected)
                    .bindArray("lows", String.class, lows).bindArray("highs", String.class, highs)
                    .bindArray("scores", Double.class, scores).bindArray("methods", String.class, methods)
                    .bindArray("histories", Integer.class, histories).execute();
            h.execute("ANALYZE found_anomalies");
            h.createUpdate("""
                    DELETE FROM anomalies a WHERE a.day >= :from AND a.day < :to AND a.dismissed_at IS NULL
                      AND NOT EXISTS (SELECT 1 FROM found_anomalies f WHERE f.service = a.service AND f.day = a.day)""")
                    .bind("from", from).bind("to", to).execute();
            h.createUpdate("""
                    UPDATE anomalies a SET cost = f.cost, expected = f.expected, low = f.low, high = f.high,
                        score = f.score, method = f.method, history_days = f.history_days, detected_at = :now
                    FROM found_anomalies f
                    WHERE f.service = a.service AND f.day = a.day""")
                    .bind("now", now).execute();
            List<Long> added = h.createQuery("""
                    INSERT INTO anomalies (service, day, cost, expected, low, high, score, method, history_days,
                                           detected_at)
                    SELECT service, day, cost, expected, low, high, score, method, history_days, :now
                    FROM found_anomalies
                    ON CONFLICT (service, day) DO NOTHING
                    RETURNING id""").bind("now", now).mapTo(Long.class).list();
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
