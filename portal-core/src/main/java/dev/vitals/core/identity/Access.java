package dev.vitals.core.identity;

import dev.vitals.api.Role;
import java.util.Optional;
import java.util.Set;

/**
 * What a caller may do: the role, the teams whose data they may change, and for a token the scopes it carries.
 *
 * @param admin whether the caller administers the portal
 * @param editsEveryTeam whether the caller may change any team's data (admins, and tokens an admin made for no team)
 * @param editorOf the teams whose data the caller may change
 * @param scopes a token's scopes; empty for people, who are limited by role alone
 */
public record Access(boolean admin, boolean editsEveryTeam, Set<String> editorOf, Optional<Set<String>> scopes) {

    public static final Access NONE = new Access(false, false, Set.of(), Optional.empty());
    public static final Access EVERYTHING = new Access(true, true, Set.of(), Optional.empty());

    public Access {
        editorOf = Set.copyOf(editorOf);
        scopes = scopes.map(Set::copyOf);
    }

    /** The highest role held: editing one team's data is enough for the editor role. */
    public Role role() {
        if (admin) {
            return Role.ADMIN;
        }
        return editsEveryTeam || !editorOf.isEmpty() ? Role.EDITOR : Role.VIEWER;
    }

    public boolean has(Role required) {
        return role().ordinal() >= required.ordinal();
    }

    public boolean allowsScope(String scope) {
        return scopes.map(granted -> granted.contains(scope)).orElse(true);
    }

    public boolean editsTeam(String team) {
        return editsEveryTeam || editorOf.contains(team);
    }
}
