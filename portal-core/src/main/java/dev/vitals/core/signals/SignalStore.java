package dev.vitals.core.signals;

import dev.vitals.api.Signal;
import dev.vitals.api.SignalStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.OptionalDouble;
import org.jdbi.v3.core.Jdbi;

/** Keeps the latest signal per (plugin, subject, kind) and every signal in the history. */
public final class SignalStore {

    private final Jdbi jdbi;

    public SignalStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void save(Signal signal) {
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO core.signal_latest (plugin, subject, kind, status, summary, value, link, observed_at) "
                            + "VALUES (:plugin, :subject, :kind, :status, :summary, :value, :link, :observedAt) "
                            + "ON CONFLICT (plugin, subject, kind) DO UPDATE SET status = excluded.status, "
                            + "summary = excluded.summary, value = excluded.value, link = excluded.link, "
                            + "observed_at = excluded.observed_at")
                    .bindMap(columns(signal)).execute();
            h.createUpdate("INSERT INTO core.signal_history (plugin, subject, kind, status, summary, value, link, observed_at) "
                            + "VALUES (:plugin, :subject, :kind, :status, :summary, :value, :link, :observedAt)")
                    .bindMap(columns(signal)).execute();
        });
    }

    /** The latest signals about one subject, from every plugin. */
    public List<Signal> latestFor(String subject) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM core.signal_latest WHERE subject = :subject "
                        + "ORDER BY plugin, kind")
                .bind("subject", subject).map((rs, ctx) -> signal(rs)).list());
    }

    /** The latest signals about many subjects at once, by subject. */
    public java.util.Map<String, List<Signal>> latestFor(java.util.Collection<String> subjects) {
        java.util.Map<String, List<Signal>> bySubject = new java.util.HashMap<>();
        if (subjects.isEmpty()) {
            return bySubject;
        }
        jdbi.useHandle(h -> h.createQuery("SELECT * FROM core.signal_latest WHERE subject = ANY(:subjects) "
                        + "ORDER BY subject, plugin, kind")
                .bindArray("subjects", String.class, subjects.toArray(String[]::new))
                .map((rs, ctx) -> signal(rs))
                .forEach(s -> bySubject.computeIfAbsent(s.subject(), k -> new java.util.ArrayList<>()).add(s)));
        return bySubject;
    }

    /** How many latest signals of subjects have each status. */
    public java.util.Map<SignalStatus, Long> statusCounts(java.util.Collection<String> subjects) {
        java.util.Map<SignalStatus, Long> counts = new java.util.EnumMap<>(SignalStatus.class);
        jdbi.useHandle(h -> h.createQuery("SELECT status, count(*) AS n FROM core.signal_latest "
                        + "WHERE subject = ANY(:subjects) GROUP BY status")
                .bindArray("subjects", String.class, subjects.toArray(String[]::new))
                .map((rs, ctx) -> Map.entry(SignalStatus.valueOf(rs.getString(1)), rs.getLong(2)))
                .forEach(e -> counts.put(e.getKey(), e.getValue())));
        return counts;
    }

    private static java.util.Map<String, Object> columns(Signal s) {
        java.util.Map<String, Object> m = new java.util.HashMap<>();
        m.put("plugin", s.plugin());
        m.put("subject", s.subject());
        m.put("kind", s.kind());
        m.put("status", s.status().name());
        m.put("summary", s.summary());
        m.put("value", s.value().isPresent() ? s.value().getAsDouble() : null);
        m.put("link", s.link().orElse(null));
        m.put("observedAt", s.observedAt().atOffset(java.time.ZoneOffset.UTC));
        return m;
    }

    private static Signal signal(ResultSet rs) throws SQLException {
        double value = rs.getDouble("value");
        OptionalDouble optionalValue = rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(value);
        return new Signal(rs.getString("plugin"), rs.getString("subject"), rs.getString("kind"),
                SignalStatus.valueOf(rs.getString("status")), rs.getString("summary"), optionalValue,
                Optional.ofNullable(rs.getString("link")), rs.getObject("observed_at", OffsetDateTime.class).toInstant());
    }
}
