package dev.vitals.web;

import java.util.concurrent.atomic.AtomicReference;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import okhttp3.Headers;

/**
 * Stands in front of the provider's token endpoint once, answering the next code exchange with an ID token of the
 * test's making: what a compromised network path or a confused provider could send the portal.
 */
final class ForgedTokenEndpoint implements Route {

    /** Stands for "refuse": the provider no longer knows the sign-in. */
    private static final String REFUSE = "refuse";

    private final AtomicReference<String> nextIdToken = new AtomicReference<>();

    void answerNextExchangeWith(String idToken) {
        nextIdToken.set(idToken);
    }

    /** The next request to the token endpoint is refused as a provider refuses a refresh token it revoked. */
    void refuseNextExchange() {
        nextIdToken.set(REFUSE);
    }

    @Override
    public boolean match(OAuth2HttpRequest request) {
        return nextIdToken.get() != null && request.getUrl().encodedPath().endsWith("/token");
    }

    @Override
    public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
        String idToken = nextIdToken.getAndSet(null);
        if (REFUSE.equals(idToken)) {
            return new OAuth2HttpResponse(Headers.of("Content-Type", "application/json;charset=UTF-8"), 400,
                    "{\"error\": \"invalid_grant\", \"error_description\": \"the person was removed\"}", null);
        }
        return new OAuth2HttpResponse(Headers.of("Content-Type", "application/json;charset=UTF-8"), 200,
                "{\"access_token\": \"forged\", \"token_type\": \"Bearer\", \"expires_in\": 3600, \"id_token\": \""
                        + idToken + "\"}", null);
    }
}
