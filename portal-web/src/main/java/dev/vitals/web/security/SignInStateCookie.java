package dev.vitals.web.security;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.Optional;

/**
 * Ties a sign-in at the OpenID Connect provider to the browser that started it: the {@code state} sent to the provider
 * also goes into this short-lived cookie, and the callback counts only when both agree. Without it, someone could send
 * a victim a callback link carrying the sender's own sign-in. Same rules as the session cookie.
 */
final class SignInStateCookie {

    static final String SECURE_NAME = "__Host-vitals-sign-in";
    static final String PLAIN_NAME = "vitals-sign-in";

    private SignInStateCookie() {
    }

    static Optional<String> read(Context ctx) {
        String secure = ctx.cookie(SECURE_NAME);
        if (secure != null && !secure.isBlank()) {
            return Optional.of(secure);
        }
        return SessionCookie.plainAllowed(ctx) ? Optional.ofNullable(ctx.cookie(PLAIN_NAME)).filter(s -> !s.isBlank())
                : Optional.empty();
    }

    static void write(Context ctx, String state, Duration lifetime) {
        set(ctx, state, lifetime.toSeconds());
    }

    static void clear(Context ctx) {
        set(ctx, "", 0);
    }

    private static void set(Context ctx, String value, long maxAge) {
        boolean plain = SessionCookie.plainAllowed(ctx);
        // Lax, not Strict: the provider's redirect back is a top-level navigation from another site.
        ctx.res().addHeader("Set-Cookie", (plain ? PLAIN_NAME : SECURE_NAME) + "=" + value + "; Path=/; Max-Age="
                + maxAge + "; HttpOnly; SameSite=Lax" + (plain ? "" : "; Secure"));
    }
}
