package ${package};

import dev.vitals.api.EntityRef;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Greetings in the plugin's own schema: unqualified names resolve there, and only there. */
final class Greetings {

    private final Jdbi jdbi;

    Greetings(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Greeting add(EntityRef service, String author, String message, Instant at) {
        return jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO greetings (service, author, message, created_at)
                        VALUES (:service, :author, :message, :at)
                        RETURNING id, service, author, message, created_at""")
                .bind("service", service.key()).bind("author", author).bind("message", message).bind("at", at)
                .map((rs, ctx) -> greeting(rs)).one());
    }

    List<Greeting> latest(int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, service, author, message, created_at FROM greetings
                        ORDER BY created_at DESC, id DESC LIMIT :limit""")
                .bind("limit", limit).map((rs, ctx) -> greeting(rs)).list());
    }

    List<GreetingCount> countsByService() {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT service, count(*) AS n FROM greetings GROUP BY service ORDER BY service")
                .map((rs, ctx) -> {
                    int count = rs.getInt("n");
                    return EntityRef.fromKey("component", rs.getString("service"))
                            .map(ref -> new GreetingCount(ref, count));
                })
                .list().stream().flatMap(Optional::stream).toList());
    }

    private static Greeting greeting(ResultSet rs) throws SQLException {
        return new Greeting(rs.getLong("id"), rs.getString("service"), rs.getString("author"),
                rs.getString("message"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
