package dev.vitals.core.identity;

import dev.vitals.api.Role;
import dev.vitals.core.audit.Actor;
import dev.vitals.core.audit.AuditLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Who holds which role. A person's access is the union of: the admin groups and team groups named in the
 * configuration, and the grants admins made on the roles page to them or to one of their groups.
 */
public final class RoleGrants {

    private static final String COLUMNS = "id, grantee, kind, role, team, granted_by, granted_at";

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;
    private final Set<String> adminGroups;
    private final String editorGroupPrefix;

    public RoleGrants(Jdbi jdbi, AuditLog audit, Clock clock, Set<String> adminGroups, String editorGroupPrefix) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
        this.adminGroups = Set.copyOf(adminGroups);
        this.editorGroupPrefix = editorGroupPrefix;
    }

    public Access accessOf(Person person) {
        boolean admin = person.groups().stream().anyMatch(adminGroups::contains);
        Set<String> teams = new HashSet<>();
        if (!editorGroupPrefix.isEmpty()) {
            person.groups().stream().filter(g -> g.startsWith(editorGroupPrefix) && g.length() > editorGroupPrefix.length())
                    .forEach(g -> teams.add(g.substring(editorGroupPrefix.length())));
        }
        for (RoleGrant grant : grantsFor(person)) {
            if (grant.role() == Role.ADMIN) {
                admin = true;
            } else {
                grant.team().ifPresent(teams::add);
            }
        }
        return new Access(admin, admin, teams, Optional.empty());
    }

    public List<RoleGrant> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM core.role_grants ORDER BY grantee, role, team")
                .map((rs, ctx) -> grant(rs)).list());
    }

    /** Grants a role; granting what is already held changes nothing and records nothing. */
    public RoleGrant grant(String grantee, RoleGrant.Kind kind, Role role, Optional<String> team, Actor actor) {
        if (role == Role.VIEWER) {
            throw new IllegalArgumentException("everyone signed in is a viewer; grant editor or admin");
        }
        if ((role == Role.EDITOR) != team.isPresent()) {
            throw new IllegalArgumentException("an editor grant names a team and an admin grant names none");
        }
        return jdbi.inTransaction(h -> {
            Optional<RoleGrant> made = h.createQuery("INSERT INTO core.role_grants (grantee, kind, role, team, "
                            + "granted_by, granted_at) VALUES (:grantee, :kind, :role, :team, :by, :at) "
                            + "ON CONFLICT (grantee, kind, role, team) DO NOTHING RETURNING " + COLUMNS)
                    .bind("grantee", grantee).bind("kind", kind.name().toLowerCase()).bind("role", role.name())
                    .bind("team", team.orElse("")).bind("by", actor.name()).bind("at", clock.instant())
                    .map((rs, ctx) -> grant(rs)).findOne();
            if (made.isPresent()) {
                audit.record(h, actor, "role.grant", kind.name().toLowerCase() + ":" + grantee, null, summary(made.get()));
                return made.get();
            }
            return h.createQuery("SELECT " + COLUMNS + " FROM core.role_grants WHERE grantee = :grantee AND kind = :kind "
                            + "AND role = :role AND team = :team")
                    .bind("grantee", grantee).bind("kind", kind.name().toLowerCase()).bind("role", role.name())
                    .bind("team", team.orElse("")).map((rs, ctx) -> grant(rs)).one();
        });
    }

    /** @return the revoked grant, or empty when there was none with that id */
    public Optional<RoleGrant> revoke(long id, Actor actor) {
        return jdbi.inTransaction(h -> {
            Optional<RoleGrant> gone = h.createQuery("DELETE FROM core.role_grants WHERE id = :id RETURNING " + COLUMNS)
                    .bind("id", id).map((rs, ctx) -> grant(rs)).findOne();
            gone.ifPresent(g -> audit.record(h, actor, "role.revoke", g.kind().name().toLowerCase() + ":" + g.grantee(),
                    summary(g), null));
            return gone;
        });
    }

    private List<RoleGrant> grantsFor(Person person) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM core.role_grants "
                        + "WHERE (kind = 'user' AND grantee = :name) OR (kind = 'group' AND grantee = ANY(:groups))")
                .bind("name", person.name())
                .bind("groups", person.groups().toArray(String[]::new))
                .map((rs, ctx) -> grant(rs)).list());
    }

    private static Map<String, Object> summary(RoleGrant grant) {
        return Map.of("grantee", grant.grantee(), "kind", grant.kind().name().toLowerCase(),
                "role", grant.role().name().toLowerCase(), "team", grant.team().orElse(""));
    }

    private static RoleGrant grant(ResultSet rs) throws SQLException {
        String team = rs.getString("team");
        return new RoleGrant(rs.getLong("id"), rs.getString("grantee"),
                RoleGrant.Kind.valueOf(rs.getString("kind").toUpperCase()), Role.valueOf(rs.getString("role")),
                team == null || team.isEmpty() ? Optional.empty() : Optional.of(team), rs.getString("granted_by"),
                ApiTokens.instant(rs, "granted_at").orElseThrow());
    }
}
