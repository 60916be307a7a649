package dev.vitals.core.identity;

import dev.vitals.api.Role;
import java.time.Instant;
import java.util.Optional;

/**
 * A role given to a person or a group by an admin.
 *
 * @param id its number, used to revoke it
 * @param grantee a login or a group name
 * @param kind whether {@code grantee} is a {@code user} or a {@code group}
 * @param role {@link Role#EDITOR} or {@link Role#ADMIN}
 * @param team for an editor grant, the team whose data it may change
 * @param grantedBy who granted it
 * @param grantedAt when
 */
public record RoleGrant(long id, String grantee, Kind kind, Role role, Optional<String> team, String grantedBy,
        Instant grantedAt) {

    /** Whom a grant names. */
    public enum Kind {
        /** One person, by login. */
        USER,
        /** Everyone in a group of the sign-in provider. */
        GROUP
    }
}
