package dev.vitals.web.security;

import dev.vitals.api.Role;
import dev.vitals.core.audit.Actor;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Who is calling, as far as this request shows.
 *
 * @param name the login or token name, {@code anonymous} when none was given
 * @param role the highest role the caller holds
 * @param authenticated whether the caller proved who they are
 */
public record Caller(String name, Role role, boolean authenticated) {

    static final String ATTRIBUTE = "vitals.caller";
    public static final Caller ANONYMOUS = new Caller("anonymous", Role.VIEWER, false);

    public static Caller of(Context ctx) {
        Caller caller = ctx.attribute(ATTRIBUTE + ".object");
        return caller == null ? ANONYMOUS : caller;
    }

    /** The caller of a request as the audit log records it: name and network address. */
    public static Actor actor(Context ctx) {
        return new Actor(of(ctx).name(), Optional.of(ctx.ip()));
    }

    public boolean has(Role required) {
        return role.ordinal() >= required.ordinal();
    }
}
