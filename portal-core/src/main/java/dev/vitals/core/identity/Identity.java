package dev.vitals.core.identity;

import dev.vitals.core.audit.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
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
 * @param people who signed in, with the groups they last showed
 */
public record Identity(IdentitySettings settings, Sessions sessions, PendingSignIns pendingSignIns, ApiTokens tokens,
        RoleGrants grants, TeamOwnership ownership, FailureThrottle throttle, AuditLog audit, People people) {

    /** Ten wrong guesses a minute per address. */
    public static Identity create(IdentitySettings settings, Jdbi jdbi, AuditLog audit, Clock clock,
            TeamOwnership ownership) {
        People people = new People(jdbi, clock);
        return new Identity(settings, new Sessions(jdbi, clock, settings.sessionLifetime(), audit, people),
                new PendingSignIns(jdbi, clock),
                new ApiTokens(jdbi, audit, clock),
                new RoleGrants(jdbi, audit, clock, settings.adminGroups(), settings.editorGroupPrefix()),
                ownership, new FailureThrottle(clock, 10, Duration.ofMinutes(1)), audit, people);
    }

    /**
     * Why a team token no longer works: unless an admin made it, its maker must still edit its team, by a grant or by
     * the groups they last showed. Tokens for no team are made by admins only.
     *
     * @return the reason, or empty while the token stands
     */
    public Optional<String> makerNoLongerEdits(ApiToken token) {
        if (token.madeByAdmin() || token.team().isEmpty()) {
            return Optional.empty();
        }
        String team = token.team().get();
        Person maker = new Person(token.createdBy(), Optional.empty(), people.lastGroups(token.createdBy()));
        if (grants.accessOf(maker).editsTeam(team)) {
            return Optional.empty();
        }
        return Optional.of("the token was made by " + token.createdBy() + ", who no longer edits team " + team
                + ", so it no longer works; ask an editor of team " + team + " or an admin for a new one");
    }
}
