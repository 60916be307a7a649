package dev.vitals.core.identity;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Browser sessions, kept in {@code core.sessions} so that every portal instance on the database knows them. The
 * browser holds the secret; the table holds its hash.
 */
public final class Sessions {

    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration lifetime;

    public Sessions(Jdbi jdbi, Clock clock, Duration lifetime) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /**
     * A session just started.
     *
     * @param secret goes into the cookie and nowhere else
     * @param session what the portal keeps
     */
    public record Started(String secret, Session session) {
    }

    /** Starts a new session with a new secret, so an id planted before sign-in is worth nothing after it. */
    public Started start(Person person) {
        String secret = Secret.generate("vs_");
        Instant now = clock.instant();
        Session session = new Session(person, Secret.generate(""), now.plus(lifetime));
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM core.sessions WHERE expires_at < :now").bind("now", now).execute();
            h.createUpdate("INSERT INTO core.sessions (secret_hash, user_name, email, groups, csrf_token, created_at, "
                            + "expires_at) VALUES (:hash, :user, :email, :groups, :csrf, :now, :expires)")
                    .bind("hash", Secret.hash(secret))
                    .bind("user", person.name())
                    .bind("email", person.email().orElse(null))
                    .bind("groups", person.groups().stream().sorted().toArray(String[]::new))
                    .bind("csrf", session.csrfToken())
                    .bind("now", now)
                    .bind("expires", session.expiresAt())
                    .execute();
        });
        return new Started(secret, session);
    }

    /** The live session the secret belongs to; empty when unknown, ended or expired. */
    public Optional<Session> find(String secret) {
        return jdbi.withHandle(h -> h.createQuery("SELECT user_name, email, groups, csrf_token, expires_at "
                        + "FROM core.sessions WHERE secret_hash = :hash AND expires_at > :now")
                .bind("hash", Secret.hash(secret))
                .bind("now", clock.instant())
                .map((rs, ctx) -> new Session(
                        new Person(rs.getString("user_name"), Optional.ofNullable(rs.getString("email")),
                                groups(rs.getArray("groups"))),
                        rs.getString("csrf_token"),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
                .findOne());
    }

    public void end(String secret) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM core.sessions WHERE secret_hash = :hash")
                .bind("hash", Secret.hash(secret)).execute());
    }

    static Set<String> groups(Array array) throws SQLException {
        return array == null ? Set.of() : new HashSet<>(Arrays.asList((String[]) array.getArray()));
    }
}
