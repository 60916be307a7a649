package dev.vitals.web.admin;

import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.api.RequestCaller;
import dev.vitals.api.Role;
import dev.vitals.api.RouteDoc;
import dev.vitals.core.identity.People;
import dev.vitals.core.identity.RoleGrant;
import dev.vitals.core.identity.RoleGrants;
import dev.vitals.core.identity.Scopes;
import dev.vitals.web.pages.Layout;
import dev.vitals.web.pages.Templates;
import dev.vitals.web.security.GuardedRoutes;
import dev.vitals.api.ui.Flash;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who holds which role, granted and revoked by admins: the page {@code /admin/roles} and
 * {@code /api/admin/roles}. Grants name a person (login) or a group of the sign-in provider. The page also lists the
 * people who have signed in, with a button that ends their sessions ({@link SessionsAdmin}).
 */
public final class RolesAdmin {

    private final RoleGrants grants;
    private final People people;
    private final ZoneId zone;
    private final Layout layout;

    /** @param zone the organisation's time zone, in which the page shows when grants were made and people last seen */
    public RolesAdmin(RoleGrants grants, People people, ZoneId zone, Layout layout) {
        this.grants = grants;
        this.people = people;
        this.zone = zone;
        this.layout = layout;
    }

    /**
     * A grant to make.
     *
     * @param grantee a login or a group name
     * @param kind {@code user} or {@code group}
     * @param role {@code editor} or {@code admin}
     * @param team for an editor, the team's key
     */
    public record GrantRequest(String grantee, String kind, String role, String team) {
    }

    /**
     * The answer to {@code GET /api/admin/roles}.
     *
     * @param grants every grant in force
     */
    public record GrantList(List<RoleGrant> grants) {
    }

    private static final String GRANT = """
            {"id": 3, "grantee": "rita", "kind": "USER", "role": "EDITOR", "team": "identity", "grantedBy": "ada",
             "grantedAt": "2030-01-02T03:04:05Z"}""";

    public void register(GuardedRoutes routes) {
        routes.get("/api/admin/roles", Role.ADMIN, Scopes.ADMIN, RouteDoc.of("List who holds which role")
                .returns(200, RouteDoc.Body.json(GrantList.class, "{\"grants\": [" + GRANT + "]}")),
                ctx -> ctx.json(new GrantList(grants.list())));
        routes.post("/api/admin/roles", Role.ADMIN, Scopes.ADMIN, RouteDoc.of("Grant a role to a person or a group")
                .description("It counts from the grantee's next request.")
                .accepts(GrantRequest.class,
                        "{\"grantee\": \"rita\", \"kind\": \"user\", \"role\": \"editor\", \"team\": \"identity\"}")
                .returns(201, RouteDoc.Body.json(RoleGrant.class, GRANT)),
                ctx -> ctx.status(201).json(grant(ctx, ctx.bodyAsClass(GrantRequest.class))));
        routes.delete("/api/admin/roles/{id}", Role.ADMIN, Scopes.ADMIN, RouteDoc.of("Revoke a grant")
                .returns(200, RouteDoc.Body.json(RoleGrant.class, GRANT)),
                ctx -> ctx.json(revoke(ctx, ctx.pathParamAsClass("id", Long.class).get())));
        routes.get("/admin/roles", Role.ADMIN, Scopes.ADMIN, this::page);
        routes.post("/admin/roles", Role.ADMIN, Scopes.ADMIN, ctx -> {
            RoleGrant granted = grant(ctx, new GrantRequest(ctx.formParam("grantee"), ctx.formParam("kind"),
                    ctx.formParam("role"), ctx.formParam("team")));
            Flash.confirm(ctx, "Granted " + granted.role().name().toLowerCase(java.util.Locale.ROOT) + " to "
                    + granted.grantee() + ".");
            ctx.redirect("/admin/roles", HttpStatus.SEE_OTHER);
        });
        routes.post("/admin/roles/{id}/revoke", Role.ADMIN, Scopes.ADMIN, ctx -> {
            RoleGrant revoked = revoke(ctx, ctx.pathParamAsClass("id", Long.class).get());
            Flash.confirm(ctx, "Revoked " + revoked.grantee() + "'s " + revoked.role().name().toLowerCase(java.util.Locale.ROOT)
                    + " role.");
            ctx.redirect("/admin/roles", HttpStatus.SEE_OTHER);
        });
    }

    private void page(Context ctx) {
        layout.render(ctx, "Roles", Templates.content("roles.jte", Map.of("grants", grants.list(),
                "people", people.list(), "caller", RequestCaller.of(ctx), "zone", zone)));
    }

    private RoleGrant grant(Context ctx, GrantRequest request) {
        List<FieldError> errors = new ArrayList<>();
        String grantee = request == null || request.grantee() == null ? "" : request.grantee().trim();
        if (grantee.isEmpty()) {
            errors.add(new FieldError("grantee", "is required: a login or a group name"));
        } else if (grantee.length() > 200) {
            errors.add(new FieldError("grantee", "must be a login or a group name of at most 200 characters, got "
                    + grantee.length()));
        }
        RoleGrant.Kind kind = request == null ? null : parse(RoleGrant.Kind.class, request.kind());
        if (kind == null) {
            errors.add(new FieldError("kind", "expected user or group"));
        }
        Role role = request == null ? null : parse(Role.class, request.role());
        if (role == null || role == Role.VIEWER) {
            errors.add(new FieldError("role", "expected editor or admin (everyone signed in is a viewer)"));
        }
        Optional<String> team = Optional.ofNullable(request == null ? null : request.team()).map(String::trim)
                .filter(t -> !t.isEmpty());
        if (role == Role.EDITOR && team.isEmpty()) {
            errors.add(new FieldError("team", "is required for an editor: the team whose data they change"));
        }
        team.filter(t -> t.length() > 100).ifPresent(t -> errors.add(new FieldError("team",
                "must be a team's key, at most 100 characters, got " + t.length())));
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("the grant is not valid", errors);
        }
        return grants.grant(grantee, kind, role, role == Role.ADMIN ? Optional.empty() : team,
                TokenAdminApi.actor(ctx));
    }

    private RoleGrant revoke(Context ctx, long id) {
        return grants.revoke(id, TokenAdminApi.actor(ctx))
                .orElseThrow(() -> ProblemException.notFound("no grant " + id));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
