package dev.vitals.core.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Sign-ins sent to the OpenID Connect provider and not yet back, in {@code core.pending_sign_ins} so that the
 * provider may return the browser to any portal instance. Each is found by its {@code state} and can be taken once.
 */
public final class PendingSignIns {

    /** Long enough to type a password and answer a second factor; short enough that a leaked link soon dies. */
    public static final Duration LIFETIME = Duration.ofMinutes(10);

    private final Jdbi jdbi;
    private final Clock clock;

    public PendingSignIns(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * What the portal must remember between sending the browser to the provider and its return.
     *
     * @param nonce the ID token must carry it back
     * @param codeVerifier the PKCE secret whose hash went with the authorization request
     * @param next the local path to open after sign-in
     */
    public record Pending(String nonce, String codeVerifier, String next) {
        @Override
        public String toString() {
            return "Pending[next=" + next + "]";
        }
    }

    public void add(String state, Pending pending) {
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM core.pending_sign_ins WHERE expires_at < :now").bind("now", now).execute();
            h.createUpdate("INSERT INTO core.pending_sign_ins (state_hash, nonce, code_verifier, next_path, expires_at) "
                            + "VALUES (:hash, :nonce, :verifier, :next, :expires)")
                    .bind("hash", Secret.hash(state))
                    .bind("nonce", pending.nonce())
                    .bind("verifier", pending.codeVerifier())
                    .bind("next", pending.next())
                    .bind("expires", now.plus(LIFETIME))
                    .execute();
        });
    }

    /** Removes and returns the sign-in the state belongs to; empty when unknown, already taken, or expired. */
    public Optional<Pending> take(String state) {
        return jdbi.withHandle(h -> h.createQuery("DELETE FROM core.pending_sign_ins WHERE state_hash = :hash "
                        + "RETURNING nonce, code_verifier, next_path, expires_at > :now AS live")
                .bind("hash", Secret.hash(state))
                .bind("now", clock.instant())
                .map((rs, ctx) -> rs.getBoolean("live") ? Optional.of(new Pending(rs.getString("nonce"),
                        rs.getString("code_verifier"), rs.getString("next_path"))) : Optional.<Pending>empty())
                .findOne().flatMap(p -> p));
    }
}
