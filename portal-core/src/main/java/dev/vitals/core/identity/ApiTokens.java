package dev.vitals.core.identity;

import dev.vitals.core.audit.Actor;
import dev.vitals.core.audit.AuditLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** API tokens in {@code core.api_tokens}: made, listed, checked on every request, revoked. */
public final class ApiTokens {

    private static final String COLUMNS = "id, name, scopes, team, created_by, created_at, expires_at, revoked_at, "
            + "last_used_at, last_used_from, made_by_admin";

    private final Jdbi jdbi;
    private final AuditLog audit;
    /** How precisely a token's last use is kept. */
    public static final Duration LAST_USE_GRAIN = Duration.ofMinutes(1);
    private final Clock clock;

    public ApiTokens(Jdbi jdbi, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A token to make.
     *
     * @param name what it is for
     * @param scopes what it may do
     * @param team the team it acts for, or empty for the whole portal
     * @param expiresAt when it stops working, or empty for never
     */
    public record NewToken(String name, List<String> scopes, Optional<String> team, Optional<Instant> expiresAt) {
    }

    /**
     * A token just made.
     *
     * @param token what is kept
     * @param secret the bearer secret, shown this once
     */
    public record Created(ApiToken token, String secret) {
    }

    /** Why a presented secret was or was not accepted. */
    public enum Verdict {
        VALID, UNKNOWN, EXPIRED, REVOKED
    }

    /**
     * The outcome of presenting a secret.
     *
     * @param verdict accepted or why not
     * @param token the token, unless unknown
     */
    public record Check(Verdict verdict, Optional<ApiToken> token) {
    }

    /** Makes a token as the portal or an admin: it outlives its maker's rights. */
    public Created create(NewToken request, Actor actor) {
        return create(request, actor, true);
    }

    /**
     * Makes a token.
     *
     * @param byAdmin whether its maker is an admin; otherwise a team token works only while its maker edits the team
     */
    public Created create(NewToken request, Actor actor, boolean byAdmin) {
        String secret = Secret.generate("vt_");
        Instant now = clock.instant();
        ApiToken token = jdbi.inTransaction(h -> {
            ApiToken made = h.createQuery("INSERT INTO core.api_tokens (name, secret_hash, scopes, team, created_by, "
                            + "created_at, expires_at, made_by_admin) VALUES (:name, :hash, :scopes, :team, :by, :now, :expires, "
                            + ":byAdmin) "
                            + "RETURNING " + COLUMNS)
                    .bind("name", request.name())
                    .bind("hash", Secret.hash(secret))
                    .bind("scopes", request.scopes().stream().distinct().sorted().toArray(String[]::new))
                    .bind("team", request.team().orElse(null))
                    .bind("by", actor.name())
                    .bind("now", now)
                    .bind("expires", request.expiresAt().orElse(null))
                    .bind("byAdmin", byAdmin)
                    .map((rs, ctx) -> token(rs))
                    .one();
            audit.record(h, actor, "token.create", "token:" + made.id(), null, summary(made));
            return made;
        });
        return new Created(token, secret);
    }

    public List<ApiToken> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM core.api_tokens ORDER BY id")
                .map((rs, ctx) -> token(rs)).list());
    }

    public Optional<ApiToken> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM core.api_tokens WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> token(rs)).findOne());
    }

    /** Revokes a token at once, on every instance: the next request with it is refused. Revoking twice is harmless. */
    public Optional<ApiToken> revoke(long id, Actor actor) {
        return jdbi.inTransaction(h -> {
            Optional<ApiToken> before = h.createQuery("SELECT " + COLUMNS + " FROM core.api_tokens WHERE id = :id FOR UPDATE")
                    .bind("id", id).map((rs, ctx) -> token(rs)).findOne();
            if (before.isEmpty() || before.get().revokedAt().isPresent()) {
                return before;
            }
            ApiToken after = h.createQuery("UPDATE core.api_tokens SET revoked_at = :now, revoked_by = :by "
                            + "WHERE id = :id RETURNING " + COLUMNS)
                    .bind("now", clock.instant()).bind("by", actor.name()).bind("id", id)
                    .map((rs, ctx) -> token(rs)).one();
            audit.record(h, actor, "token.revoke", "token:" + id, summary(before.get()), summary(after));
            return Optional.of(after);
        });
    }

    /** Checks a presented secret; {@link #used} records its use once the caller is let in. */
    public Check check(String secret) {
        Optional<ApiToken> found = jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM core.api_tokens WHERE secret_hash = :hash")
                .bind("hash", Secret.hash(secret)).map((rs, ctx) -> token(rs)).findOne());
        if (found.isEmpty()) {
            return new Check(Verdict.UNKNOWN, found);
        }
        ApiToken token = found.get();
        if (token.revokedAt().isPresent()) {
            return new Check(Verdict.REVOKED, found);
        }
        if (token.expiresAt().map(at -> !clock.instant().isBefore(at)).orElse(false)) {
            return new Check(Verdict.EXPIRED, found);
        }
        return new Check(Verdict.VALID, found);
    }

    /**
     * Records that a token was accepted: when and from which address, to the minute. A use within
     * {@link #LAST_USE_GRAIN} of the one recorded, from the same address, writes nothing: a pipeline sending one
     * event per request would otherwise pay a second commit, and its flush, on every request.
     *
     * @param token the token as {@link #check} read it, with its recorded last use
     * @param address where the request came from
     */
    public void used(ApiToken token, String address) {
        Instant now = clock.instant();
        boolean recent = token.lastUsedAt().map(at -> !now.isBefore(at) && now.isBefore(at.plus(LAST_USE_GRAIN)))
                .orElse(false);
        if (recent && token.lastUsedFrom().equals(Optional.of(address))) {
            return;
        }
        jdbi.useHandle(h -> h.createUpdate("UPDATE core.api_tokens SET last_used_at = :now, last_used_from = :from "
                        + "WHERE id = :id")
                .bind("now", now).bind("from", address).bind("id", token.id()).execute());
    }

    private static Map<String, Object> summary(ApiToken token) {
        return Map.of("name", token.name(), "scopes", token.scopes(), "team", token.team().orElse(""),
                "expiresAt", token.expiresAt().map(Instant::toString).orElse(""),
                "revoked", token.revokedAt().isPresent(), "madeByAdmin", token.madeByAdmin());
    }

    private static ApiToken token(ResultSet rs) throws SQLException {
        return new ApiToken(rs.getLong("id"), rs.getString("name"),
                Arrays.asList((String[]) rs.getArray("scopes").getArray()),
                Optional.ofNullable(rs.getString("team")), rs.getString("created_by"),
                instant(rs, "created_at").orElseThrow(), instant(rs, "expires_at"), instant(rs, "revoked_at"),
                instant(rs, "last_used_at"), Optional.ofNullable(rs.getString("last_used_from")),
                rs.getBoolean("made_by_admin"));
    }

    static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }
}
