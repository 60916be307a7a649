package dev.vitals.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.vitals.core.identity.IdentitySettings;
import dev.vitals.core.identity.Person;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ID token is believed only when the provider signed it for this portal's client, for this sign-in, and it has
 * not expired. Tokens here are signed with a real provider's keys (mock-oauth2-server), and checked against the keys
 * its discovery document publishes.
 */
class OidcIdTokenTest {

    private static final String NONCE = "nonce-of-this-sign-in";
    private static MockOAuth2Server provider;
    private static OidcProvider portal;

    @BeforeAll
    static void start() {
        provider = new MockOAuth2Server();
        provider.start();
        portal = new OidcProvider(new IdentitySettings.Oidc(URI.create(provider.issuerUrl("corp").toString()),
                "vitals", "secret", "groups"));
    }

    @AfterAll
    static void stop() {
        provider.shutdown();
    }

    @Test
    void aTokenTheProviderSignedForThisClientAndSignInNamesThePersonAndTheirGroups() throws Exception {
        Person person = portal.person(portal.validate(token(provider, claims()), NONCE));
        assertEquals("ada", person.name());
        assertEquals(Optional.of("ada@example.com"), person.email());
        assertEquals(Set.of("vitals-admins", "team-a"), person.groups(), "Keycloak's leading / is dropped");
    }

    @Test
    void aTokenForAnotherClientIsRefused() {
        Map<String, Object> claims = claims();
        claims.put("aud", "some-other-app");
        assertRefused(token(provider, claims), NONCE);
    }

    @Test
    void aTokenWhosePayloadWasAlteredIsRefused() {
        String[] parts = token(provider, claims()).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"ada\"", "\"eve\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertRefused(tampered, NONCE);
    }

    @Test
    void aTokenSignedWithAnotherKeyUnderTheProvidersKeyIdIsRefused() throws Exception {
        SignedJWT genuine = SignedJWT.parse(token(provider, claims()));
        RSAKey impostor = new RSAKeyGenerator(2048).keyID(genuine.getHeader().getKeyID()).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(genuine.getHeader().getKeyID()).build(), genuine.getJWTClaimsSet());
        forged.sign(new RSASSASigner(impostor));
        assertRefused(forged.serialize(), NONCE);
    }

    @Test
    void anUnsignedTokenIsRefused() throws Exception {
        SignedJWT genuine = SignedJWT.parse(token(provider, claims()));
        assertRefused(new PlainJWT(genuine.getJWTClaimsSet()).serialize(), NONCE);
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        assertRefused(provider.anyToken(provider.issuerUrl("elsewhere"), claims(), Duration.ofHours(1)).serialize(),
                NONCE);
    }

    @Test
    void aTokenFromAnotherSignInIsRefused() {
        assertRefused(token(provider, claims()), "nonce-of-another-sign-in");
    }

    @Test
    void anExpiredTokenIsRefused() {
        assertRefused(provider.anyToken(provider.issuerUrl("corp"), claims(), Duration.ofSeconds(-600)).serialize(),
                NONCE);
    }

    @Test
    void withoutAUserNameTheSubjectNamesThePerson() throws Exception {
        Map<String, Object> claims = claims();
        claims.remove("preferred_username");
        claims.remove("email");
        claims.put("groups", "team-b, staff");
        Person person = portal.person(portal.validate(token(provider, claims), NONCE));
        assertEquals("3f1c9e", person.name());
        assertEquals(Set.of("team-b", "staff"), person.groups());
    }

    private static void assertRefused(String idToken, String nonce) {
        OidcProvider.Refused refused = assertThrows(OidcProvider.Refused.class, () -> portal.validate(idToken, nonce));
        assertTrue(refused.getMessage().startsWith("the ID token from the provider is not valid"), refused.getMessage());
    }

    private static Map<String, Object> claims() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", "3f1c9e");
        claims.put("aud", "vitals");
        claims.put("nonce", NONCE);
        claims.put("preferred_username", "ada");
        claims.put("email", "ada@example.com");
        claims.put("groups", List.of("/vitals-admins", "team-a"));
        return claims;
    }

    private static String token(MockOAuth2Server signer, Map<String, Object> claims) {
        return signer.anyToken(provider.issuerUrl("corp"), claims, Duration.ofHours(1)).serialize();
    }
}
