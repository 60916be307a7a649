package dev.vitals.web;

import java.util.concurrent.atomic.AtomicReference;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import okhttp3.Headers;

/**
 * Stands in front of the provider's token endpoint once, answering the next code exchange or refresh with an answer
 * of the test's making: an ID token that a compromised network path or a confused provider could send the portal, a
 * refusal, or a failure.
 */
final class ForgedTokenEndpoint implements Route {

    private final AtomicReference<OAuth2HttpResponse> next = new AtomicReference<>();

    void answerNextExchangeWith(String idToken) {
        next.set(answer(200, "{\"access_token\": \"forged\", \"token_type\": \"Bearer\", \"expires_in\": 3600, "
                + "\"id_token\": \"" + idToken + "\"}"));
    }

    /** As a provider refuses a refresh token it revoked, or one of a person it removed. */
    void refuseNextExchange() {
        next.set(answer(400, "{\"error\": \"invalid_grant\", \"error_description\": \"the person was removed\"}"));
    }

    /** As a provider that is down for maintenance. */
    void failNextExchange() {
        next.set(answer(503, "{\"error\": \"temporarily_unavailable\"}"));
    }

    @Override
    public boolean match(OAuth2HttpRequest request) {
        return next.get() != null && request.getUrl().encodedPath().endsWith("/token");
    }

    @Override
    public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
        return next.getAndSet(null);
    }

    private static OAuth2HttpResponse answer(int status, String json) {
        return new OAuth2HttpResponse(Headers.of("Content-Type", "application/json;charset=UTF-8"), status, json, null);
    }
}
