package dev.vitals.core.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An API token as the portal keeps it: everything but the secret, which only its holder knows.
 *
 * @param id its number, used to revoke it
 * @param name what it is for, e.g. {@code ci-deploys}
 * @param scopes what it may do, e.g. {@code deploys:write}
 * @param team the team it acts for; empty for tokens an admin made for the whole portal
 * @param createdBy who made it
 * @param createdAt when
 * @param expiresAt when it stops working, if ever
 * @param revokedAt when it was revoked
 * @param lastUsedAt when it was last accepted
 * @param lastUsedFrom from which address
 * @param madeByAdmin whether an admin made it; a team token anyone else made works only while its maker edits the team
 */
public record ApiToken(long id, String name, List<String> scopes, Optional<String> team, String createdBy,
        Instant createdAt, Optional<Instant> expiresAt, Optional<Instant> revokedAt, Optional<Instant> lastUsedAt,
        Optional<String> lastUsedFrom, boolean madeByAdmin) {

    /** What a token may do: scoped, and for a team token only that team's data. */
    public Access access() {
        boolean admin = team.isEmpty() && scopes.contains(Scopes.ADMIN);
        return new Access(admin, team.isEmpty(), team.map(Set::of).orElse(Set.of()), Optional.of(Set.copyOf(scopes)));
    }
}
