package dev.vitals.web.security;

import dev.vitals.api.Role;
import dev.vitals.core.audit.Actor;
import dev.vitals.core.identity.Access;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Who is calling, as far as this request shows.
 *
 * @param name the login or token name, {@code anonymous} when none was given
 * @param access what the caller may do
 * @param via how the caller proved who they are
 * @param csrfToken for a browser session, the token its forms carry
 * @param person the person behind the call: the login itself, or for an API token the person who made it
 */
public record Caller(String name, Access access, Via via, Optional<String> csrfToken, String person) {

    static final String ATTRIBUTE = "vitals.caller";
    public static final Caller ANONYMOUS = new Caller("anonymous", Access.NONE, Via.NOBODY, Optional.empty());

    /** How a caller proved who they are. */
    public enum Via {
        /** Nothing: not signed in. */
        NOBODY,
        /** A browser session cookie. */
        SESSION,
        /** An API token or the bootstrap admin token as bearer. */
        TOKEN,
        /** Headers from the trusted reverse proxy. */
        PROXY
    }

    /** A caller who is the person they sign in as. */
    public Caller(String name, Access access, Via via, Optional<String> csrfToken) {
        this(name, access, via, csrfToken, name);
    }

    public static Caller of(Context ctx) {
        Caller caller = ctx.attribute(ATTRIBUTE + ".object");
        return caller == null ? ANONYMOUS : caller;
    }

    void attachTo(Context ctx) {
        ctx.attribute(ATTRIBUTE + ".object", this);
    }

    public Role role() {
        return access.role();
    }

    public boolean authenticated() {
        return via != Via.NOBODY;
    }

    /** The caller of a request as the audit log records it: name and network address. */
    public static Actor actor(Context ctx) {
        return new Actor(of(ctx).name(), Optional.of(ClientAddress.of(ctx)));
    }

    public boolean has(Role required) {
        return authenticated() && access.has(required);
    }
}
