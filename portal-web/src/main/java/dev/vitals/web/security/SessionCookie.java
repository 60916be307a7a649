package dev.vitals.web.security;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The browser's session cookie: {@code __Host-} prefixed, {@code Secure}, {@code HttpOnly}, {@code SameSite=Lax}.
 * Browsers refuse {@code Secure} (and so {@code __Host-}) cookies over plain http except on localhost, so only there,
 * and only over plain http, the cookie goes without both.
 */
public final class SessionCookie {

    public static final String SECURE_NAME = "__Host-vitals-session";
    public static final String PLAIN_NAME = "vitals-session";
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private SessionCookie() {
    }

    public static Optional<String> read(Context ctx) {
        String secure = ctx.cookie(SECURE_NAME);
        if (secure != null && !secure.isBlank()) {
            return Optional.of(secure);
        }
        return plainAllowed(ctx) ? Optional.ofNullable(ctx.cookie(PLAIN_NAME)).filter(s -> !s.isBlank()) : Optional.empty();
    }

    public static void write(Context ctx, String secret, Duration lifetime) {
        set(ctx, secret, lifetime.toSeconds());
    }

    public static void clear(Context ctx) {
        set(ctx, "", 0);
    }

    private static void set(Context ctx, String value, long maxAge) {
        boolean plain = plainAllowed(ctx);
        ctx.res().addHeader("Set-Cookie", (plain ? PLAIN_NAME : SECURE_NAME) + "=" + value + "; Path=/; Max-Age=" + maxAge
                + "; HttpOnly; SameSite=Lax" + (plain ? "" : "; Secure"));
    }

    /** Plain http to localhost: a developer's own machine, where no one sits between browser and portal. */
    static boolean plainAllowed(Context ctx) {
        if (!"http".equals(ctx.scheme())) {
            return false;
        }
        String host = Optional.ofNullable(ctx.header("Host")).orElse("");
        String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1)
                : host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
        return LOCAL_HOSTS.contains(name.toLowerCase());
    }
}
