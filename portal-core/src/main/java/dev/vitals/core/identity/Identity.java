package dev.vitals.core.identity;

import dev.vitals.core.audit.AuditLog;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/**
 * Everything the portal knows about who may do what: sessions, API tokens, role grants, team ownership, and the
 * throttle on failed credentials.
 *
 * @param settings how people sign in
 * @param sessions browser sessions
 * @param pendingSignIns sign-ins away at the OpenID Connect provider
 * @param tokens API tokens
 * @param grants role grants
 * @param ownership which team owns what
 * @param throttle slows down repeated failures from one address
 * @param audit where sign-ins and changes to access are recorded
 */
public record Identity(IdentitySettings settings, Sessions sessions, PendingSignIns pendingSignIns, ApiTokens tokens,
        RoleGrants grants, TeamOwnership ownership, FailureThrottle throttle, AuditLog audit) {

    /** Ten wrong guesses a minute per address. */
    public static Identity create(IdentitySettings settings, Jdbi jdbi, AuditLog audit, Clock clock,
            TeamOwnership ownership) {
        return new Identity(settings, new Sessions(jdbi, clock, settings.sessionLifetime()),
                new PendingSignIns(jdbi, clock),
                new ApiTokens(jdbi, audit, clock),
                new RoleGrants(jdbi, audit, clock, settings.adminGroups(), settings.editorGroupPrefix()),
                ownership, new FailureThrottle(clock, 10, Duration.ofMinutes(1)), audit);
    }
}
