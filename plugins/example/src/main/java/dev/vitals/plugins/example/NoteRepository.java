package dev.vitals.plugins.example;

import dev.vitals.api.EntityRef;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Notes in the plugin's own schema, {@code example}: unqualified table names resolve there, because the host's
 * connections for this plugin log in as role {@code vitals_example} with that search path.
 */
final class NoteRepository {

    private final Jdbi jdbi;

    NoteRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Adds a note; the same note twice (a retried request, the demo seed) is stored once. */
    Note add(EntityRef service, String author, String body, Instant at) {
        return jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO notes (service, author, body, created_at) VALUES (:service, :author, :body, :at)
                        ON CONFLICT (service, author, body) DO UPDATE SET service = excluded.service
                        RETURNING id, service, author, body, created_at""")
                .bind("service", service.key()).bind("author", author).bind("body", body).bind("at", at)
                .map((rs, ctx) -> note(rs)).one());
    }

    List<Note> latest(int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, service, author, body, created_at FROM notes
                        ORDER BY created_at DESC, id DESC LIMIT :limit""")
                .bind("limit", limit).map((rs, ctx) -> note(rs)).list());
    }

    List<Note> forService(EntityRef service) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, service, author, body, created_at FROM notes WHERE service = :service
                        ORDER BY created_at DESC, id DESC""")
                .bind("service", service.key()).map((rs, ctx) -> note(rs)).list());
    }

    /** Counts per service; notes kept from before keys were checked may name no service and are left out. */
    List<NoteCount> countsByService() {
        return jdbi.withHandle(h -> h.createQuery("SELECT service, count(*) AS notes FROM notes GROUP BY service "
                        + "ORDER BY service")
                .map((rs, ctx) -> {
                    int count = rs.getInt("notes");
                    return EntityRef.fromKey("component", rs.getString("service")).map(ref -> new NoteCount(ref, count));
                })
                .list().stream().flatMap(Optional::stream).toList());
    }

    private static Note note(ResultSet rs) throws SQLException {
        return new Note(rs.getLong("id"), rs.getString("service"), rs.getString("author"), rs.getString("body"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
