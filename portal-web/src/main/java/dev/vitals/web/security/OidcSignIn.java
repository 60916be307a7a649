package dev.vitals.web.security;

import dev.vitals.api.ProblemException;
import dev.vitals.core.identity.IdentitySettings;
import io.javalin.http.Context;
import java.net.URI;
import java.util.List;

/** Sign-in with an OpenID Connect provider: authorization code flow with PKCE. */
public final class OidcSignIn {

    static final String CALLBACK = "/auth/callback";
    private final IdentitySettings.Oidc settings;

    public OidcSignIn(IdentitySettings.Oidc settings) {
        this.settings = settings;
    }

    URI issuer() {
        return settings.issuer();
    }

    void start(Context ctx, String next) {
        throw new ProblemException(501, "OpenID Connect sign-in is not available in this build", List.of());
    }

    void callback(Context ctx, SignInPages pages) {
        throw new ProblemException(501, "OpenID Connect sign-in is not available in this build", List.of());
    }
}
