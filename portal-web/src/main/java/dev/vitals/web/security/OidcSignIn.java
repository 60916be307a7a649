package dev.vitals.web.security;

import dev.vitals.api.HttpMethod;
import dev.vitals.core.identity.IdentitySettings;
import dev.vitals.core.identity.PendingSignIns;
import dev.vitals.core.identity.Secret;
import dev.vitals.web.pages.Layout;
import dev.vitals.web.pages.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in at an OpenID Connect provider ({@code VITALS_AUTH=oidc}): {@code /login} sends the browser to the provider,
 * {@code /login/callback} takes it back. The state, nonce and PKCE verifier wait in the database (any instance may
 * receive the callback), the state also in a cookie of the browser that started; a callback is good once.
 */
final class OidcSignIn {

    static final String CALLBACK = "/login/callback";
    private static final Logger LOG = LoggerFactory.getLogger(OidcSignIn.class);

    private final SignInPages pages;
    private final Authentication authentication;
    private final Layout layout;
    private final OidcProvider provider;

    OidcSignIn(SignInPages pages, Authentication authentication, Layout layout, IdentitySettings.Oidc settings) {
        this.pages = pages;
        this.authentication = authentication;
        this.layout = layout;
        this.provider = authentication.oidcProvider().orElseGet(() -> new OidcProvider(settings));
    }

    void register(GuardedRoutes routes) {
        routes.open(HttpMethod.GET, CALLBACK, this::callback);
    }

    /** {@code GET /login} for someone not signed in. */
    void start(Context ctx, String next) {
        if (ctx.queryParam("signed-out") != null) {
            // Straight back to the provider would sign them in again at once while its own session lasts.
            ctx.status(200);
            layout.render(ctx, "Signed out", Templates.content("signed-out.jte",
                    Map.of("signIn", "/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8))));
            return;
        }
        String state = Secret.generate("");
        String nonce = Secret.generate("");
        String verifier = Secret.generate("");
        URI target;
        try {
            target = provider.authorizationRequest(redirectUri(ctx), state, nonce, verifier);
        } catch (OidcProvider.Unavailable e) {
            LOG.warn("Sign-in could not start: {}", e.getMessage());
            failed(ctx, 502, "The sign-in provider did not answer: " + e.getMessage() + ".",
                    "Try again in a minute. If it keeps failing, an admin should check VITALS_OIDC_ISSUER and that the "
                            + "provider is reachable from the portal.", next);
            return;
        }
        authentication.identity().pendingSignIns().add(state, new PendingSignIns.Pending(nonce, verifier, next));
        SignInStateCookie.write(ctx, state, PendingSignIns.LIFETIME);
        ctx.redirect(target.toString(), HttpStatus.FOUND);
    }

    private void callback(Context ctx) {
        String state = ctx.queryParam("state");
        Optional<String> browserState = SignInStateCookie.read(ctx);
        SignInStateCookie.clear(ctx);
        if (state == null || state.isBlank() || browserState.isEmpty()
                || !MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8),
                        browserState.get().getBytes(StandardCharsets.UTF_8))) {
            refuse(ctx, 400, "This sign-in was not started in this browser, or it was already finished.",
                    "Start again from the sign-in page; if you opened a link someone sent you, do not use it.", "/");
            return;
        }
        Optional<PendingSignIns.Pending> pending = authentication.identity().pendingSignIns().take(state);
        if (pending.isEmpty()) {
            refuse(ctx, 400, "This sign-in has expired or was already used.",
                    "Sign in again; a sign-in must be finished within " + PendingSignIns.LIFETIME.toMinutes()
                            + " minutes.", "/");
            return;
        }
        String next = pending.get().next();
        String error = ctx.queryParam("error");
        if (error != null) {
            String description = Optional.ofNullable(ctx.queryParam("error_description")).map(d -> " (" + d + ")")
                    .orElse("");
            if (error.equals("access_denied")) {
                failed(ctx, 403, "The sign-in provider did not let you in" + description + ".",
                        "If you cancelled, sign in again. Otherwise ask whoever runs your organisation's sign-in to "
                                + "give you access to Vitals.", next);
            } else {
                failed(ctx, 400, "The sign-in provider reported an error: " + error + description + ".",
                        "Sign in again; if it keeps failing, an admin should check the portal's client at the provider.",
                        next);
            }
            return;
        }
        String code = ctx.queryParam("code");
        if (code == null || code.isBlank()) {
            failed(ctx, 400, "The sign-in provider sent the browser back without a sign-in code.", "Sign in again.",
                    next);
            return;
        }
        OidcProvider.SignedIn signedIn;
        try {
            signedIn = provider.exchange(code, redirectUri(ctx), pending.get().codeVerifier(), pending.get().nonce());
        } catch (OidcProvider.Refused e) {
            LOG.warn("Sign-in refused from {}: {}", ClientAddress.of(ctx), e.getMessage());
            refuse(ctx, 401, "The sign-in could not be accepted: " + e.getMessage() + ".",
                    "Sign in again. If it keeps failing, an admin should check VITALS_OIDC_CLIENT_ID and the "
                            + "provider's configuration.", next);
            return;
        } catch (OidcProvider.Unavailable e) {
            LOG.warn("Sign-in could not finish: {}", e.getMessage());
            failed(ctx, 502, "The sign-in provider did not answer: " + e.getMessage() + ".",
                    "Try again in a minute.", next);
            return;
        }
        pages.startSession(ctx, signedIn.person(), signedIn.tokens(), next);
    }

    /** Failed credentials count toward the address's throttle, as a wrong token does; past it, the answer is 429. */
    private void refuse(Context ctx, int status, String detail, String advice, String next) {
        authentication.recordFailure(ctx);
        failed(ctx, status, detail, advice, next);
    }

    private void failed(Context ctx, int status, String detail, String advice, String next) {
        ctx.status(status);
        layout.render(ctx, "Sign-in failed", Templates.content("sign-in-failed.jte", Map.of("detail", detail,
                "advice", advice, "retry", "/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8))));
    }

    /**
     * The callback on the address people open; must be registered as a redirect URI at the provider. Without
     * {@code VITALS_PUBLIC_URL} it is localhost on the port the portal listens on, never a name the request claims.
     */
    private URI redirectUri(Context ctx) {
        return authentication.identity().settings().publicUrl()
                .map(url -> URI.create(url + CALLBACK))
                .orElseGet(() -> URI.create("http://localhost:" + ctx.req().getLocalPort() + CALLBACK));
    }
}
