package dev.vitals.web.security;

import dev.vitals.api.HttpMethod;
import dev.vitals.core.audit.Actor;
import dev.vitals.core.identity.Person;
import dev.vitals.core.identity.ProviderTokens;
import dev.vitals.core.identity.SignInMode;
import dev.vitals.web.pages.Layout;
import dev.vitals.web.pages.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /login} and {@code /logout}. In dev mode the sign-in form takes the admin token; in oidc mode {@code /login}
 * sends the browser to the OpenID Connect provider ({@link OidcSignIn}); in proxy mode the proxy has already signed
 * people in. Every sign-in starts a new session
 * with a new id, and sign-out ends it in the database, on every instance.
 */
public final class SignInPages {

    private final Authentication authentication;
    private final Layout layout;
    private final Optional<OidcSignIn> oidc;

    public SignInPages(Authentication authentication, Layout layout) {
        this.authentication = authentication;
        this.layout = layout;
        this.oidc = authentication.identity().settings().oidc()
                .filter(settings -> mode() == SignInMode.OIDC)
                .map(settings -> new OidcSignIn(this, authentication, layout, settings));
    }

    public void register(GuardedRoutes routes) {
        routes.open(HttpMethod.GET, "/login", this::form);
        routes.open(HttpMethod.POST, "/login", this::signIn);
        routes.open(HttpMethod.POST, "/logout", this::signOut);
        oidc.ifPresent(signIn -> signIn.register(routes));
    }

    private void form(Context ctx) {
        if (Caller.of(ctx).authenticated()) {
            ctx.redirect(next(ctx.queryParam("next")), HttpStatus.SEE_OTHER);
            return;
        }
        if (oidc.isPresent()) {
            oidc.get().start(ctx, next(ctx.queryParam("next")));
            return;
        }
        render(ctx, 200, "");
    }

    private void render(Context ctx, int status, String error) {
        ctx.status(status);
        layout.render(ctx, "Sign in", Templates.content("login.jte", Map.of(
                "mode", mode().name().toLowerCase(),
                "next", next(Optional.ofNullable(ctx.formParam("next")).orElse(ctx.queryParam("next"))),
                "error", error)));
    }

    private void signIn(Context ctx) {
        String next = next(ctx.formParam("next"));
        switch (mode()) {
            case OIDC, PROXY -> render(ctx, 400, "Sign in through your organisation's sign-in page.");
            case DEV -> {
                String token = ctx.formParam("token");
                if (!authentication.adminToken().matches(token == null ? null : token.trim())) {
                    authentication.recordFailure(ctx);
                    render(ctx, 401, "That is not the admin token.");
                    return;
                }
                startSession(ctx, new Person(Authentication.BOOTSTRAP_ADMIN, Optional.empty(), Set.of()),
                        ProviderTokens.NONE, next);
            }
        }
    }

    /** Ends any earlier session first, so an id planted in the browser before sign-in is worthless after it. */
    void startSession(Context ctx, Person person, ProviderTokens tokens, String next) {
        SessionCookie.read(ctx).ifPresent(authentication.identity().sessions()::end);
        var started = authentication.identity().sessions().start(person, tokens);
        SessionCookie.write(ctx, started.secret(), authentication.sessionLifetime());
        authentication.identity().audit().record(new Actor(person.name(), Optional.of(ClientAddress.of(ctx))),
                "session.start", "user:" + person.name(), null, Map.of("groups", person.groups()));
        // Checked again here: the OpenID Connect sign-in carries next through the provider and back.
        ctx.redirect(next(next), HttpStatus.SEE_OTHER);
    }

    private void signOut(Context ctx) {
        SessionCookie.read(ctx).ifPresent(authentication.identity().sessions()::end);
        SessionCookie.clear(ctx);
        ctx.redirect(oidc.isPresent() ? "/login?signed-out" : "/login", HttpStatus.SEE_OTHER);
    }

    private SignInMode mode() {
        return authentication.identity().settings().mode();
    }

    /**
     * Only paths on this portal. Browsers drop tabs and line breaks from a URL and read {@code \\} as {@code /}, so
     * {@code /\t/evil.example} or {@code /\\evil.example} would leave the portal as surely as {@code //evil.example}
     * or {@code https://evil.example}: anything but a single leading {@code /} followed by no control character and
     * no backslash, checked again after each round of percent-decoding, sends the browser to {@code /} instead.
     */
    static String next(String requested) {
        if (requested == null) {
            return "/";
        }
        String text = requested;
        // Three rounds cover a value encoded three times over; one still changing after that is refused.
        for (int round = 0; round <= 3; round++) {
            if (!isLocalPath(text)) {
                return "/";
            }
            String decoded;
            try {
                decoded = URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return requested; // a stray % decodes no further, in a browser either, and all before it passed
            }
            if (decoded.equals(text)) {
                return requested;
            }
            text = decoded;
        }
        return "/";
    }

    private static boolean isLocalPath(String path) {
        if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/login")) {
            return false;
        }
        return path.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == '\\');
    }
}
