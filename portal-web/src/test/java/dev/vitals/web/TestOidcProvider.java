package dev.vitals.web;

import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * A real OpenID Connect provider for tests: mock-oauth2-server on a free loopback port, with discovery, JWKS, an
 * authorization endpoint that checks PKCE and a token endpoint that signs ID tokens. Interactive, it shows a login
 * form where a test types the user name and the claims; otherwise it signs in whoever {@link #nextSignIn} names.
 */
final class TestOidcProvider implements AutoCloseable {

    static final String ISSUER_ID = "corp";
    static final String CLIENT_ID = "vitals";
    static final String CLIENT_SECRET = "vitals-client-secret-for-tests";

    private final MockOAuth2Server server;
    private final ForgedTokenEndpoint forged;

    private TestOidcProvider(MockOAuth2Server server, ForgedTokenEndpoint forged) {
        this.server = server;
        this.forged = forged;
    }

    static TestOidcProvider start(boolean interactiveLogin) {
        ForgedTokenEndpoint forged = new ForgedTokenEndpoint();
        MockOAuth2Server server = new MockOAuth2Server(new OAuth2Config(interactiveLogin), forged);
        server.start();
        return new TestOidcProvider(server, forged);
    }

    /** The next code exchange answers with this ID token instead of the one the provider would issue. */
    void nextExchangeAnswers(String idToken) {
        forged.answerNextExchangeWith(idToken);
    }

    /** The next request to the token endpoint, such as a refresh, is refused with {@code invalid_grant}. */
    void refuseNextExchange() {
        forged.refuseNextExchange();
    }

    /** The next request to the token endpoint fails as a provider that is down does. */
    void failNextExchange() {
        forged.failNextExchange();
    }

    /** An ID token signed with the provider's own key, with exactly these claims (issuer and times added). */
    String signedIdToken(Map<String, Object> claims) {
        return server.anyToken(server.issuerUrl(ISSUER_ID), claims, java.time.Duration.ofHours(1)).serialize();
    }

    String issuer() {
        return server.issuerUrl(ISSUER_ID).toString();
    }

    /** The portal's settings for this provider. */
    Map<String, String> portalEnvironment() {
        return Map.of("VITALS_AUTH", "oidc", "VITALS_OIDC_ISSUER", issuer(), "VITALS_OIDC_CLIENT_ID", CLIENT_ID,
                "VITALS_OIDC_CLIENT_SECRET", CLIENT_SECRET);
    }

    /** The next code exchanged at the token endpoint yields an ID token for this subject with these groups. */
    void nextSignIn(String subject, List<String> groups) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", null,
                Map.of("groups", groups), 3600));
    }

    MockOAuth2Server server() {
        return server;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
