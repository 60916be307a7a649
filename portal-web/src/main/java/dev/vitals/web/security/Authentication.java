package dev.vitals.web.security;

import dev.vitals.api.ProblemException;
import dev.vitals.api.Role;
import io.javalin.http.Context;
import java.util.List;

/**
 * Resolves the caller of each request and checks the role a route needs. The bootstrap admin proves itself with
 * {@code Authorization: Bearer <admin token>}; without credentials a caller is an anonymous viewer.
 */
public final class Authentication {

    private final AdminToken adminToken;

    public Authentication(AdminToken adminToken) {
        this.adminToken = adminToken;
    }

    /** Runs before every request. */
    public void identify(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            return;
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ProblemException(401, "the Authorization header must be 'Bearer <token>'", List.of());
        }
        if (!adminToken.matches(header.substring(7).trim())) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ProblemException(401, "the bearer token is not valid", List.of());
        }
        Caller admin = new Caller("admin", Role.ADMIN, true);
        ctx.attribute(Caller.ATTRIBUTE + ".object", admin);
        ctx.attribute(Caller.ATTRIBUTE, admin.name());
    }

    /** Refuses the request unless the caller holds the role: 401 when unidentified, 403 when identified. */
    public static void require(Context ctx, Role role) {
        Caller caller = Caller.of(ctx);
        if (caller.has(role)) {
            return;
        }
        if (!caller.authenticated()) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ProblemException(401, "this needs the " + role.name().toLowerCase()
                    + " role: send 'Authorization: Bearer <token>'", List.of());
        }
        throw new ProblemException(403, caller.name() + " does not have the "
                + role.name().toLowerCase() + " role this needs", List.of());
    }
}
