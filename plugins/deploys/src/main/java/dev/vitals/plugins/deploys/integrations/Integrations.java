package dev.vitals.plugins.deploys.integrations;

import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Per-integration webhook secrets, managed by administrators: added, rotated and deleted, each change logged. A
 * secret is generated here (32 random bytes), returned once to whoever made it, and kept so that signatures can be
 * verified with it.
 */
public final class Integrations {

    public static final Set<String> KINDS = Set.of("github", "pagerduty");
    private static final Duration REVEAL = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Jdbi jdbi;

    public Integrations(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * A secret just made, to show once.
     *
     * @param integration which
     * @param secret the new secret
     */
    public record NewSecret(Integration integration, String secret) {
    }

    /** @return every integration, by name */
    public List<Integration> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM integrations ORDER BY name")
                .map((rs, ctx) -> new Integration(rs.getString("name"), rs.getString("kind"),
                        rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject("rotated_at", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant)))
                .list());
    }

    /** @param limit how many @return the latest changes, newest first */
    public List<IntegrationLogEntry> log(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM integration_log ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> new IntegrationLogEntry(rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("integration"),
                        rs.getString("kind")))
                .list());
    }

    /**
     * @param kind github or pagerduty
     * @param name the integration named in the webhook URL
     * @return its secret, if such an integration of that kind exists
     */
    public Optional<String> secret(String kind, String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT secret FROM integrations WHERE name = :name AND kind = :kind")
                .bind("name", name).bind("kind", kind).mapTo(String.class).findOne());
    }

    /** @param name new @param kind github or pagerduty @param actor who @param now when @return it with its secret */
    public NewSecret add(String name, String kind, String actor, Instant now) {
        String key = validName(name);
        List<FieldError> errors = new ArrayList<>();
        if (kind == null || !KINDS.contains(kind)) {
            errors.add(new FieldError("kind", "must be github or pagerduty, got " + kind));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("the integration cannot be added", errors);
        }
        String secret = newSecret();
        return jdbi.inTransaction(h -> {
            int added = h.createUpdate("""
                    INSERT INTO integrations (name, kind, secret, created_by, created_at)
                    VALUES (:name, :kind, :secret, :actor, :now) ON CONFLICT (name) DO NOTHING""")
                    .bind("name", key).bind("kind", kind).bind("secret", secret).bind("actor", actor)
                    .bind("now", now).execute();
            if (added == 0) {
                throw ProblemException.conflict("there is already an integration " + key + "; rotate its secret"
                        + " instead");
            }
            log(h, now, actor, "added", key, kind);
            return new NewSecret(new Integration(key, kind, actor, now, Optional.empty()), secret);
        });
    }

    /** @param name which @param actor who @param now when @return it with its new secret; the old one stops working */
    public NewSecret rotate(String name, String actor, Instant now) {
        String secret = newSecret();
        return jdbi.inTransaction(h -> {
            Integration found = h.createQuery("""
                    UPDATE integrations SET secret = :secret, rotated_at = :now WHERE name = :name
                    RETURNING name, kind, created_by, created_at""")
                    .bind("secret", secret).bind("now", now).bind("name", name)
                    .map((rs, ctx) -> new Integration(rs.getString("name"), rs.getString("kind"),
                            rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                            Optional.of(now)))
                    .findOne().orElseThrow(() -> ProblemException.notFound("no integration " + name));
            log(h, now, actor, "rotated", found.name(), found.kind());
            return new NewSecret(found, secret);
        });
    }

    /** @param name which @param actor who @param now when */
    public void delete(String name, String actor, Instant now) {
        jdbi.useTransaction(h -> {
            String kind = h.createQuery("DELETE FROM integrations WHERE name = :name RETURNING kind")
                    .bind("name", name).mapTo(String.class).findOne()
                    .orElseThrow(() -> ProblemException.notFound("no integration " + name));
            log(h, now, actor, "deleted", name, kind);
        });
    }

    /** @param name the integration @param now when @return a token that shows its secret once, for 5 minutes */
    public String revealOnce(String name, Instant now) {
        String token = newSecret();
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO integration_reveals (token, integration, expires_at)"
                + " VALUES (:token, :name, :expires)").bind("token", token).bind("name", name)
                .bind("expires", now.plus(REVEAL)).execute());
        return token;
    }

    /** @param token from {@link #revealOnce} @param now when @return the secret, once; empty when used or expired */
    public Optional<NewSecret> reveal(String token, Instant now) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("DELETE FROM integration_reveals WHERE expires_at <= :now").bind("now", now).execute();
            return h.createQuery("""
                    WITH used AS (DELETE FROM integration_reveals WHERE token = :token RETURNING integration)
                    SELECT i.* FROM integrations i JOIN used ON used.integration = i.name""")
                    .bind("token", token)
                    .map((rs, ctx) -> new NewSecret(new Integration(rs.getString("name"), rs.getString("kind"),
                            rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                            Optional.ofNullable(rs.getObject("rotated_at", OffsetDateTime.class))
                                    .map(OffsetDateTime::toInstant)), rs.getString("secret")))
                    .findOne();
        });
    }

    private static void log(Handle h, Instant at, String actor, String action, String name, String kind) {
        h.createUpdate("INSERT INTO integration_log (at, actor, action, integration, kind)"
                + " VALUES (:at, :actor, :action, :name, :kind)").bind("at", at).bind("actor", actor)
                .bind("action", action).bind("name", name).bind("kind", kind).execute();
    }

    private static String validName(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        if (!key.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw ProblemException.unprocessable("the integration cannot be added", List.of(new FieldError("name",
                    "1 to 63 letters, digits or dashes, starting with a letter or digit, e.g. payments-github; got "
                            + name)));
        }
        return key;
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
