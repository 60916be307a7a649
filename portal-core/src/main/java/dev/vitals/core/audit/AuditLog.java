package dev.vitals.core.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.core.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Every state change: who, what, before and after, when and from where. */
public final class AuditLog {

    private final Jdbi jdbi;
    private final Clock clock;
    private final ObjectMapper json = Json.mapper();

    public AuditLog(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Records a change inside the caller's transaction, so the change and its record land together or not at all. */
    public void record(Handle handle, Actor actor, String action, String subject, Object before, Object after) {
        handle.createUpdate("INSERT INTO core.audit_log (at, actor, action, subject, before, after, source_address) "
                        + "VALUES (:at, :actor, :action, :subject, CAST(:before AS jsonb), CAST(:after AS jsonb), :address)")
                .bind("at", clock.instant())
                .bind("actor", actor.name())
                .bind("action", action)
                .bind("subject", subject)
                .bind("before", toJson(before))
                .bind("after", toJson(after))
                .bind("address", actor.address().orElse(null))
                .execute();
    }

    /** Records a change that is a single statement of its own, such as a sign-in. */
    public void record(Actor actor, String action, String subject, Object before, Object after) {
        jdbi.useHandle(h -> record(h, actor, action, subject, before, after));
    }

    /** The newest entries first. */
    public List<AuditEntry> recent(int limit) {
        return search(new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), limit));
    }

    /** The entries matching every filter given, newest first. */
    public List<AuditEntry> search(AuditQuery query) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, at, actor, action, subject, before::text AS before, "
                        + "after::text AS after, source_address FROM core.audit_log "
                        + "WHERE (CAST(:actor AS text) IS NULL OR actor = :actor) "
                        + "AND (CAST(:action AS text) IS NULL OR starts_with(action, :action)) "
                        + "AND (CAST(:subject AS text) IS NULL OR strpos(subject, :subject) > 0) "
                        + "AND (CAST(:from AS timestamptz) IS NULL OR at >= :from) "
                        + "AND (CAST(:to AS timestamptz) IS NULL OR at < :to) "
                        + "ORDER BY id DESC LIMIT :limit")
                .bind("actor", query.actor().orElse(null))
                .bind("action", query.action().orElse(null))
                .bind("subject", query.subject().orElse(null))
                .bind("from", query.from().orElse(null))
                .bind("to", query.to().orElse(null))
                .bind("limit", query.limit())
                .map((rs, ctx) -> new AuditEntry(rs.getLong("id"), rs.getObject("at", java.time.OffsetDateTime.class)
                        .toInstant(), rs.getString("actor"), rs.getString("action"), rs.getString("subject"),
                        Optional.ofNullable(rs.getString("before")), Optional.ofNullable(rs.getString("after")),
                        Optional.ofNullable(rs.getString("source_address"))))
                .list());
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot record " + value + " in the audit log", e);
        }
    }

    /**
     * One audit record.
     *
     * @param id increasing
     * @param at when
     * @param actor who
     * @param action what, e.g. {@code plugin.disable}
     * @param subject on what, e.g. {@code plugin:example}
     * @param before the state before, as JSON
     * @param after the state after, as JSON
     * @param sourceAddress the caller's address
     */
    public record AuditEntry(long id, Instant at, String actor, String action, String subject, Optional<String> before,
            Optional<String> after, Optional<String> sourceAddress) {
    }
}
