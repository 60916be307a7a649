package dev.vitals.core.signals;

import dev.vitals.api.EntityRef;
import dev.vitals.api.Signal;
import dev.vitals.api.SignalFilter;
import dev.vitals.api.SignalStatus;
import dev.vitals.core.database.RedoneAfterDeadlock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;

/**
 * Keeps the latest signal per (plugin, subject, kind) and every signal in the history. Subjects are stored as the
 * text of their {@link EntityRef}, the form catalog references take in {@code core.catalog_entities.ref}, so that the
 * health grid can join them.
 */
public final class SignalStore {

    private final Jdbi jdbi;

    public SignalStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void save(Signal signal) {
        RedoneAfterDeadlock.useTransaction(jdbi, h -> {
            h.createUpdate("""
                            INSERT INTO core.signal_latest (plugin, subject, kind, status, summary, value, link, observed_at)
                            VALUES (:plugin, :subject, :kind, :status, :summary, :value, :link, :observedAt)
                            ON CONFLICT (plugin, subject, kind) DO UPDATE SET status = excluded.status,
                                summary = excluded.summary, value = excluded.value, link = excluded.link,
                                observed_at = excluded.observed_at""")
                    .bindMap(columns(signal)).execute();
            h.createUpdate("""
                            INSERT INTO core.signal_history (plugin, subject, kind, status, summary, value, link, observed_at)
                            VALUES (:plugin, :subject, :kind, :status, :summary, :value, :link, :observedAt)""")
                    .bindMap(columns(signal)).execute();
        });
    }

    /**
     * Saves many signals as {@link #save} saves one, in one transaction: two statements over arrays whatever their
     * number. The latest rows are written in (subject, kind) order, so the trigger that keeps {@code worst_signals}
     * locks their subjects in the same order as any other writer of many, and two never wait on each other crosswise.
     * Of several signals with one (plugin, subject, kind), each joins the history and the last one is the latest.
     */
    public void saveAll(List<Signal> signals) {
        if (signals.isEmpty()) {
            return;
        }
        Map<List<String>, Signal> latest = new LinkedHashMap<>();
        for (Signal signal : signals) {
            latest.put(List.of(signal.plugin(), signal.subject().toString(), signal.kind()), signal);
        }
        RedoneAfterDeadlock.useTransaction(jdbi, h -> {
            bindAll(h.createUpdate("""
                    INSERT INTO core.signal_latest (plugin, subject, kind, status, summary, value, link,
                        observed_at)
                    SELECT * FROM unnest(:plugins::text[], :subjects::text[], :kinds::text[], :statuses::text[],
                                         :summaries::text[], :values::float8[], :links::text[],
                                         :observedAts::timestamptz[])
                    ORDER BY 2, 3, 1
                    ON CONFLICT (plugin, subject, kind) DO UPDATE SET status = excluded.status,
                        summary = excluded.summary, value = excluded.value, link = excluded.link,
                        observed_at = excluded.observed_at"""), latest.values()).execute();
            bindAll(h.createUpdate("""
                    INSERT INTO core.signal_history (plugin, subject, kind, status, summary, value, link, observed_at)
                    SELECT plugin, subject, kind, status, summary, value, link, observed_at
                    FROM unnest(:plugins::text[], :subjects::text[], :kinds::text[], :statuses::text[],
                                :summaries::text[], :values::float8[], :links::text[], :observedAts::timestamptz[])
                        WITH ORDINALITY AS s (plugin, subject, kind, status, summary, value, link, observed_at, n)
                    ORDER BY n"""), signals).execute();
        });
    }

    private static Update bindAll(Update update, Collection<Signal> signals) {
        return update.bindArray("plugins", String.class, signals.stream().map(Signal::plugin).toArray(String[]::new))
                .bindArray("subjects", String.class, signals.stream().map(s -> s.subject().toString())
                        .toArray(String[]::new))
                .bindArray("kinds", String.class, signals.stream().map(Signal::kind).toArray(String[]::new))
                .bindArray("statuses", String.class, signals.stream().map(s -> s.status().name())
                        .toArray(String[]::new))
                .bindArray("summaries", String.class, signals.stream().map(Signal::summary).toArray(String[]::new))
                .bindArray("values", Double.class, signals.stream()
                        .map(s -> s.value().isPresent() ? s.value().getAsDouble() : null).toArray(Double[]::new))
                .bindArray("links", String.class, signals.stream().map(s -> s.link().orElse(null))
                        .toArray(String[]::new))
                .bindArray("observedAts", String.class, signals.stream().map(s -> s.observedAt().toString())
                        .toArray(String[]::new));
    }

    /** Keeps a past verdict in the history only: the latest signal, newer than it, stays. */
    public void appendToHistory(Signal signal) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO core.signal_history (plugin, subject, kind, status, summary, value, link, observed_at)
                        VALUES (:plugin, :subject, :kind, :status, :summary, :value, :link, :observedAt)""")
                .bindMap(columns(signal)).execute());
    }

    /** The latest signals about one subject, from every plugin. */
    public List<Signal> latestFor(String subject) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM core.signal_latest WHERE subject = :subject "
                        + "ORDER BY plugin, kind")
                .bind("subject", subject).map((rs, ctx) -> signal(rs)).stream().flatMap(Optional::stream).toList());
    }

    /** The latest signals about many subjects at once, by the text of their subject's reference. */
    public Map<String, List<Signal>> latestFor(Collection<String> subjects) {
        Map<String, List<Signal>> bySubject = new HashMap<>();
        if (subjects.isEmpty()) {
            return bySubject;
        }
        jdbi.useHandle(h -> h.createQuery("SELECT * FROM core.signal_latest WHERE subject = ANY(:subjects) "
                        + "ORDER BY subject, plugin, kind")
                .bindArray("subjects", String.class, subjects.toArray(String[]::new))
                .map((rs, ctx) -> signal(rs)).stream().flatMap(Optional::stream)
                .forEach(s -> bySubject.computeIfAbsent(s.subject().toString(), k -> new ArrayList<>()).add(s)));
        return bySubject;
    }

    /** How many latest signals of subjects have each status. */
    public Map<SignalStatus, Long> statusCounts(Collection<String> subjects) {
        Map<SignalStatus, Long> counts = new EnumMap<>(SignalStatus.class);
        jdbi.useHandle(h -> h.createQuery("SELECT status, count(*) AS n FROM core.signal_latest "
                        + "WHERE subject = ANY(:subjects) GROUP BY status")
                .bindArray("subjects", String.class, subjects.toArray(String[]::new))
                .map((rs, ctx) -> Map.entry(SignalStatus.valueOf(rs.getString(1)), rs.getLong(2)))
                .forEach(e -> counts.put(e.getKey(), e.getValue())));
        return counts;
    }

    /** The latest signal of every (plugin, subject, kind) the filter matches, by subject, plugin and kind. */
    public List<Signal> latest(SignalFilter filter) {
        return jdbi.withHandle(h -> bind(h.createQuery("SELECT * FROM core.signal_latest WHERE " + where(filter)
                        + " ORDER BY subject, plugin, kind"), filter)
                .map((rs, ctx) -> signal(rs)).stream().flatMap(Optional::stream).toList());
    }

    /**
     * The signals the filter matches observed in {@code [from, to)}, newest first, at most {@code limit}.
     *
     * @throws IllegalArgumentException for a limit below 1 or a period that ends before it begins
     */
    public List<Signal> history(SignalFilter filter, Instant from, Instant to, int limit) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it begins (" + from + ")");
        }
        return jdbi.withHandle(h -> bind(h.createQuery("SELECT * FROM core.signal_history WHERE " + where(filter)
                        + " AND observed_at >= :from AND observed_at < :to ORDER BY observed_at DESC, id DESC"
                        + " LIMIT :limit"), filter)
                .bind("from", from.atOffset(ZoneOffset.UTC)).bind("to", to.atOffset(ZoneOffset.UTC))
                .bind("limit", limit)
                .map((rs, ctx) -> signal(rs)).stream().flatMap(Optional::stream).toList());
    }

    private static String where(SignalFilter filter) {
        StringBuilder where = new StringBuilder("true");
        filter.subject().ifPresent(s -> where.append(" AND subject = :subject"));
        filter.plugin().ifPresent(p -> where.append(" AND plugin = :plugin"));
        filter.kind().ifPresent(k -> where.append(" AND kind = :kind"));
        return where.toString();
    }

    private static Query bind(Query query, SignalFilter filter) {
        filter.subject().ifPresent(s -> query.bind("subject", s.toString()));
        filter.plugin().ifPresent(p -> query.bind("plugin", p));
        filter.kind().ifPresent(k -> query.bind("kind", k));
        return query;
    }

    private static Map<String, Object> columns(Signal s) {
        Map<String, Object> m = new HashMap<>();
        m.put("plugin", s.plugin());
        m.put("subject", s.subject().toString());
        m.put("kind", s.kind());
        m.put("status", s.status().name());
        m.put("summary", s.summary());
        m.put("value", s.value().isPresent() ? s.value().getAsDouble() : null);
        m.put("link", s.link().orElse(null));
        m.put("observedAt", s.observedAt().atOffset(ZoneOffset.UTC));
        return m;
    }

    /** Empty for a row whose subject is no entity reference, as rows stored before references were checked may be. */
    private static Optional<Signal> signal(ResultSet rs) throws SQLException {
        EntityRef subject;
        try {
            subject = EntityRef.parse(rs.getString("subject"));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        double value = rs.getDouble("value");
        OptionalDouble optionalValue = rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(value);
        return Optional.of(new Signal(rs.getString("plugin"), subject, rs.getString("kind"),
                SignalStatus.valueOf(rs.getString("status")), rs.getString("summary"), optionalValue,
                Optional.ofNullable(rs.getString("link")),
                rs.getObject("observed_at", OffsetDateTime.class).toInstant()));
    }
}
