package dev.vitals.core.identity;

import dev.vitals.core.audit.Actor;
import dev.vitals.core.audit.AuditLog;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Browser sessions, kept in {@code core.sessions} so that every portal instance on the database knows them. The
 * browser holds the secret; the table holds its hash, and the identity provider's tokens sealed under it.
 */
public final class Sessions {

    /** How stale the groups of an OpenID Connect session may grow before the provider is asked again. */
    public static final Duration RECHECK_EVERY = Duration.ofMinutes(15);
    private static final String REFRESH = "refresh";
    private static final String ACCESS = "access";

    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration lifetime;
    private final AuditLog audit;
    private final People people;

    public Sessions(Jdbi jdbi, Clock clock, Duration lifetime, AuditLog audit, People people) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.lifetime = lifetime;
        this.audit = audit;
        this.people = people;
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
        return start(person, ProviderTokens.NONE);
    }

    /**
     * As {@link #start(Person)}, keeping what the provider gave to ask about the person again, and recording the
     * groups the person showed.
     */
    public Started start(Person person, ProviderTokens tokens) {
        String secret = Secret.generate("vs_");
        Instant now = clock.instant();
        Session session = new Session(person, Secret.generate(""), now.plus(lifetime), Optional.of(now));
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM core.sessions WHERE expires_at < :now").bind("now", now).execute();
            h.createUpdate("INSERT INTO core.sessions (secret_hash, user_name, email, groups, csrf_token, created_at, "
                            + "expires_at, refresh_token, access_token, checked_at) VALUES (:hash, :user, :email, "
                            + ":groups, :csrf, :now, :expires, :refresh, :access, :now)")
                    .bind("hash", Secret.hash(secret))
                    .bind("user", person.name())
                    .bind("email", person.email().orElse(null))
                    .bind("groups", person.groups().stream().sorted().toArray(String[]::new))
                    .bind("csrf", session.csrfToken())
                    .bind("now", now)
                    .bind("expires", session.expiresAt())
                    .bind("refresh", sealed(secret, REFRESH, tokens.refreshToken()))
                    .bind("access", sealed(secret, ACCESS, tokens.accessToken()))
                    .execute();
            people.record(h, person, now);
        });
        return new Started(secret, session);
    }

    /** The live session the secret belongs to; empty when unknown, ended or expired. */
    public Optional<Session> find(String secret) {
        return jdbi.withHandle(h -> h.createQuery("SELECT user_name, email, groups, csrf_token, expires_at, checked_at "
                        + "FROM core.sessions WHERE secret_hash = :hash AND expires_at > :now")
                .bind("hash", Secret.hash(secret))
                .bind("now", clock.instant())
                .map((rs, ctx) -> new Session(
                        new Person(rs.getString("user_name"), Optional.ofNullable(rs.getString("email")),
                                groups(rs.getArray("groups"))),
                        rs.getString("csrf_token"),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                        ApiTokens.instant(rs, "checked_at")))
                .findOne());
    }

    /** Whether the provider should be asked again about the session's person. */
    public boolean recheckDue(Session session) {
        return session.checkedAt().map(at -> !at.plus(RECHECK_EVERY).isAfter(clock.instant())).orElse(true);
    }

    /**
     * Claims the next check of a session, so that of several requests at once, on any instance, only one asks the
     * provider: a refresh token may be good for one use only.
     *
     * @param seen the check time the caller read; the claim fails if another request has moved it since
     * @return what to ask the provider with, or empty when another request claimed the check first
     */
    public Optional<ProviderTokens> claimRecheck(String secret, Session seen) {
        return jdbi.withHandle(h -> h.createQuery("UPDATE core.sessions SET checked_at = :now "
                        + "WHERE secret_hash = :hash AND checked_at IS NOT DISTINCT FROM :seen "
                        + "RETURNING refresh_token, access_token")
                .bind("now", clock.instant())
                .bind("hash", Secret.hash(secret))
                .bind("seen", seen.checkedAt().orElse(null))
                .map((rs, ctx) -> new ProviderTokens(opened(secret, REFRESH, rs.getString("refresh_token")),
                        opened(secret, ACCESS, rs.getString("access_token"))))
                .findOne());
    }

    /** The provider confirmed the person: keeps the groups it named and any new tokens it gave. */
    public void confirmed(String secret, Person person, ProviderTokens renewed) {
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE core.sessions SET groups = :groups, checked_at = :now, "
                            + "refresh_token = coalesce(:refresh, refresh_token), "
                            + "access_token = coalesce(:access, access_token) WHERE secret_hash = :hash")
                    .bind("groups", person.groups().stream().sorted().toArray(String[]::new))
                    .bind("now", now)
                    .bind("refresh", sealed(secret, REFRESH, renewed.refreshToken()))
                    .bind("access", sealed(secret, ACCESS, renewed.accessToken()))
                    .bind("hash", Secret.hash(secret))
                    .execute();
            people.record(h, person, now);
        });
    }

    /** The provider could not be asked: try again in a minute rather than on every request meanwhile. */
    public void recheckSoon(String secret) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE core.sessions SET checked_at = :at WHERE secret_hash = :hash")
                .bind("at", clock.instant().minus(RECHECK_EVERY).plus(Duration.ofMinutes(1)))
                .bind("hash", Secret.hash(secret)).execute());
    }

    /** @return the token sealed under the session's secret ({@link SealedTokens}), or null to store none */
    private static String sealed(String secret, String kind, Optional<String> token) {
        return token.map(t -> SealedTokens.seal(secret, kind, t)).orElse(null);
    }

    private static Optional<String> opened(String secret, String kind, String stored) {
        return Optional.ofNullable(stored).flatMap(s -> SealedTokens.open(secret, kind, s));
    }

    public void end(String secret) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM core.sessions WHERE secret_hash = :hash")
                .bind("hash", Secret.hash(secret)).execute());
    }

    /**
     * Ends every session of a person, on every instance at once: their next request is anonymous.
     *
     * @return how many sessions ended
     */
    public int endAllOf(String login, Actor actor) {
        return jdbi.inTransaction(h -> {
            int ended = h.createUpdate("DELETE FROM core.sessions WHERE user_name = :login AND expires_at > :now")
                    .bind("login", login).bind("now", clock.instant()).execute();
            audit.record(h, actor, "session.end-all", "user:" + login, Map.of("sessions", ended), Map.of("sessions", 0));
            return ended;
        });
    }

    static Set<String> groups(Array array) throws SQLException {
        return array == null ? Set.of() : new HashSet<>(Arrays.asList((String[]) array.getArray()));
    }
}
