package dev.vitals.plugins.example;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Notes in schema {@code example}. */
final class NoteRepository {

    private final Jdbi jdbi;

    NoteRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Note add(String service, String author, String body, Instant at) {
        return jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO notes (service, author, body, created_at) VALUES (:service, :author, :body, :at)
                        ON CONFLICT (service, author, body) DO UPDATE SET service = excluded.service
                        RETURNING id, service, author, body, created_at""")
                .bind("service", service).bind("author", author).bind("body", body).bind("at", at)
                .map((rs, ctx) -> note(rs)).one());
    }

    List<Note> latest(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM notes ORDER BY created_at DESC, id DESC LIMIT :limit")
                .bind("limit", limit).map((rs, ctx) -> note(rs)).list());
    }

    List<Note> forService(String service) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM notes WHERE service = :s ORDER BY created_at DESC, id DESC")
                .bind("s", service).map((rs, ctx) -> note(rs)).list());
    }

    Map<String, Integer> countsByService() {
        return jdbi.withHandle(h -> h.createQuery("SELECT service, count(*) AS n FROM notes GROUP BY service")
                .reduceRows(new java.util.TreeMap<String, Integer>(), (map, row) -> {
                    map.put(row.getColumn("service", String.class), row.getColumn("n", Integer.class));
                    return map;
                }));
    }

    private static Note note(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Note(rs.getLong("id"), rs.getString("service"), rs.getString("author"), rs.getString("body"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
