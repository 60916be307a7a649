package dev.vitals.web.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.vitals.core.identity.IdentitySettings;
import dev.vitals.core.identity.Person;
import dev.vitals.core.identity.ProviderTokens;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The OpenID Connect provider as the portal speaks to it: its discovery document, the authorization request (code
 * flow with PKCE S256, state and nonce), the code exchange with the client secret, and the ID token's validation
 * (issuer, audience, signature against the provider's published keys, expiry, nonce).
 *
 * <p>Discovery happens at the first sign-in and is kept once it succeeds, so a provider that is down at start-up
 * delays sign-in rather than the portal.
 */
final class OidcProvider {

    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 10_000;
    private static final Scope SCOPE = new Scope("openid", "profile", "email");

    private final IdentitySettings.Oidc settings;
    private final ClientID clientId;
    private volatile Discovered discovered;

    OidcProvider(IdentitySettings.Oidc settings) {
        this.settings = settings;
        this.clientId = new ClientID(settings.clientId());
    }

    /** The provider did not answer as a provider should; the message says what failed, never a secret. */
    static final class Unavailable extends Exception {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The provider answered but the sign-in must not count; the message is for the person signing in. */
    static final class Refused extends Exception {
        Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private record Discovered(OIDCProviderMetadata metadata, IDTokenValidator validator) {
    }

    /**
     * The provider's authorization endpoint with this sign-in's request.
     *
     * @param redirectUri where the provider sends the browser back: this portal's callback
     */
    URI authorizationRequest(URI redirectUri, String state, String nonce, String codeVerifier) throws Unavailable {
        OIDCProviderMetadata metadata = discover().metadata();
        return new AuthenticationRequest.Builder(new ResponseType(ResponseType.Value.CODE), SCOPE, clientId, redirectUri)
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .state(new State(state))
                .nonce(new Nonce(nonce))
                .codeChallenge(new CodeVerifier(codeVerifier), CodeChallengeMethod.S256)
                .build()
                .toURI();
    }

    /**
     * A person signed in at the provider.
     *
     * @param person whom the validated ID token names
     * @param tokens what the provider gave to ask about them again
     */
    record SignedIn(Person person, ProviderTokens tokens) {
    }

    /**
     * The provider's answer, asked again later, about a person signed in.
     *
     * @param groups the groups they are in now
     * @param tokens tokens the provider renewed, to keep instead of the old ones
     */
    record Renewed(Set<String> groups, ProviderTokens tokens) {
    }

    /** Exchanges the code for tokens and returns the person the validated ID token names. */
    SignedIn exchange(String code, URI redirectUri, String codeVerifier, String nonce) throws Unavailable, Refused {
        OIDCProviderMetadata metadata = discover().metadata();
        Tokens tokens = tokens(metadata, new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri,
                new CodeVerifier(codeVerifier)), "exchange the sign-in code");
        JWT idToken = tokens instanceof OIDCTokens oidc ? oidc.getIDToken() : null;
        if (idToken == null) {
            throw new Refused("the provider sent no ID token; the portal's client must be an OpenID Connect client", null);
        }
        return new SignedIn(person(validate(idToken.serialize(), nonce)), held(tokens));
    }

    /**
     * Asks the provider again about a person signed in earlier: a new ID token with the refresh token, or else the
     * userinfo endpoint with the access token. A provider that refuses either says the person may no longer sign in.
     *
     * @param login whom the session belongs to; an answer naming anyone else is refused
     */
    Renewed renew(ProviderTokens held, String login) throws Unavailable, Refused {
        OIDCProviderMetadata metadata = discover().metadata();
        Optional<String> accessToken = held.accessToken();
        Optional<String> refreshToken = Optional.empty();
        if (held.refreshToken().isPresent()) {
            Tokens tokens = tokens(metadata, new RefreshTokenGrant(new RefreshToken(held.refreshToken().get())),
                    "renew the sign-in");
            ProviderTokens renewed = held(tokens);
            refreshToken = renewed.refreshToken();
            accessToken = renewed.accessToken();
            JWT idToken = tokens instanceof OIDCTokens oidc ? oidc.getIDToken() : null;
            if (idToken != null) {
                // A renewed ID token carries no nonce of this sign-in; issuer, audience, signature and expiry still hold.
                Person person = samePerson(login, person(validate(idToken.serialize(), null)));
                return new Renewed(person.groups(), new ProviderTokens(refreshToken, accessToken));
            }
        }
        if (accessToken.isEmpty()) {
            throw new Refused("the provider gave nothing to confirm the sign-in with", null);
        }
        Person person = samePerson(login, person(userInfo(metadata, accessToken.get())));
        return new Renewed(person.groups(), new ProviderTokens(refreshToken, accessToken));
    }

    private Tokens tokens(OIDCProviderMetadata metadata, AuthorizationGrant grant, String what)
            throws Unavailable, Refused {
        TokenRequest request = new TokenRequest(metadata.getTokenEndpointURI(), clientAuthentication(metadata), grant);
        TokenResponse response;
        try {
            HTTPRequest http = request.toHTTPRequest();
            http.setConnectTimeout(CONNECT_TIMEOUT_MS);
            http.setReadTimeout(READ_TIMEOUT_MS);
            response = OIDCTokenResponseParser.parse(http.send());
        } catch (IOException | ParseException e) {
            throw new Unavailable("the provider's token endpoint " + metadata.getTokenEndpointURI()
                    + " did not answer with tokens: " + e.getMessage(), e);
        }
        if (!response.indicatesSuccess()) {
            var error = response.toErrorResponse().getErrorObject();
            String said = error.getCode() + Optional.ofNullable(error.getDescription()).map(d -> ": " + d).orElse("");
            if (error.getHTTPStatusCode() >= 500) {
                throw new Unavailable("the provider's token endpoint failed (" + said + ")", null);
            }
            throw new Refused("the provider would not " + what + " (" + said + ")", null);
        }
        return response.toSuccessResponse().getTokens();
    }

    private static ProviderTokens held(Tokens tokens) {
        return new ProviderTokens(Optional.ofNullable(tokens.getRefreshToken()).map(RefreshToken::getValue),
                Optional.ofNullable(tokens.getAccessToken()).map(AccessToken::getValue));
    }

    private Map<String, Object> userInfo(OIDCProviderMetadata metadata, String accessToken) throws Unavailable, Refused {
        URI endpoint = metadata.getUserInfoEndpointURI();
        if (endpoint == null) {
            throw new Refused("the provider has no userinfo endpoint and gave no refresh token to confirm the sign-in "
                    + "with", null);
        }
        HTTPResponse http;
        UserInfoResponse response;
        try {
            HTTPRequest request = new UserInfoRequest(endpoint, new BearerAccessToken(accessToken)).toHTTPRequest();
            request.setConnectTimeout(CONNECT_TIMEOUT_MS);
            request.setReadTimeout(READ_TIMEOUT_MS);
            http = request.send();
            response = UserInfoResponse.parse(http);
        } catch (IOException | ParseException e) {
            throw new Unavailable("the provider's userinfo endpoint " + endpoint + " did not answer: " + e.getMessage(), e);
        }
        if (!response.indicatesSuccess()) {
            if (http.getStatusCode() == 401 || http.getStatusCode() == 403) {
                throw new Refused("the provider no longer accepts the sign-in's access token", null);
            }
            throw new Unavailable("the provider's userinfo endpoint answered " + http.getStatusCode(), null);
        }
        UserInfo info = response.toSuccessResponse().getUserInfo();
        if (info == null) {
            throw new Unavailable("the provider's userinfo answer is signed, which the portal does not read", null);
        }
        return info.toJSONObject();
    }

    private static Person samePerson(String login, Person person) throws Refused {
        if (!person.name().equals(login)) {
            throw new Refused("the provider now names " + person.name() + " instead of " + login, null);
        }
        return person;
    }

    /** Checks issuer, audience, signature, expiry and, when given, nonce; anything else is not trusted. */
    IDTokenClaimsSet validate(String idToken, String nonce) throws Unavailable, Refused {
        IDTokenValidator validator = discover().validator();
        try {
            return validator.validate(JWTParser.parse(idToken), nonce == null ? null : new Nonce(nonce));
        } catch (java.text.ParseException | BadJOSEException e) {
            throw new Refused("the ID token from the provider is not valid: " + e.getMessage(), e);
        } catch (JOSEException e) {
            throw new Unavailable("the provider's signing keys could not be used: " + e.getMessage(), e);
        }
    }

    /**
     * The person an ID token names: login from {@code preferred_username}, else {@code email}, else {@code sub}; groups
     * from the configured claim, a list or a comma-separated string. A leading {@code /} is dropped, so Keycloak's
     * full group paths ({@code /vitals-admins}) name the same groups as plain names.
     */
    Person person(IDTokenClaimsSet claims) {
        return person(claims.toJSONObject());
    }

    /** As {@link #person(IDTokenClaimsSet)}, from any claims: an ID token's or the userinfo endpoint's. */
    Person person(Map<String, Object> claims) {
        String name = firstNonBlank(text(claims, "preferred_username"), text(claims, "email"), text(claims, "sub"));
        Set<String> groups = new LinkedHashSet<>();
        Object raw = claims.get(settings.groupsClaim());
        Collection<?> values = raw instanceof Collection<?> list ? list
                : raw instanceof String text ? List.of(text.split(",")) : List.of();
        for (Object value : values) {
            if (value instanceof String group && !group.isBlank()) {
                String trimmed = group.trim();
                groups.add(trimmed.startsWith("/") ? trimmed.substring(1) : trimmed);
            }
        }
        return new Person(name, Optional.ofNullable(text(claims, "email")), groups);
    }

    private static String text(Map<String, Object> claims, String name) {
        return claims.get(name) instanceof String value ? value : null;
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        throw new IllegalStateException("an ID token and a userinfo answer always have a subject");
    }

    private ClientAuthentication clientAuthentication(OIDCProviderMetadata metadata) {
        List<ClientAuthenticationMethod> methods = metadata.getTokenEndpointAuthMethods();
        Secret secret = new Secret(settings.clientSecret());
        // Providers that list only client_secret_post reject the Basic header; Basic is the default otherwise.
        if (methods != null && !methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                && methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST)) {
            return new ClientSecretPost(clientId, secret);
        }
        return new ClientSecretBasic(clientId, secret);
    }

    private Discovered discover() throws Unavailable {
        Discovered known = discovered;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (discovered == null) {
                discovered = fetchDiscovery();
            }
            return discovered;
        }
    }

    private Discovered fetchDiscovery() throws Unavailable {
        OIDCProviderMetadata metadata;
        try {
            // resolve() also refuses a document whose issuer differs from the configured one.
            metadata = OIDCProviderMetadata.resolve(new Issuer(settings.issuer()), CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS);
        } catch (GeneralException | IOException e) {
            throw new Unavailable("the provider's discovery document under " + settings.issuer()
                    + " could not be read: " + e.getMessage(), e);
        }
        List<JWSAlgorithm> algorithms = new ArrayList<>();
        for (JWSAlgorithm algorithm : Optional.ofNullable(metadata.getIDTokenJWSAlgs()).orElse(List.of())) {
            // Only signatures with the provider's published keys: no "none", and no HMAC keyed by our own secret.
            if (JWSAlgorithm.Family.SIGNATURE.contains(algorithm)) {
                algorithms.add(algorithm);
            }
        }
        if (algorithms.isEmpty()) {
            algorithms.add(JWSAlgorithm.RS256);
        }
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.create(metadata.getJWKSetURI().toURL()).retrying(true).build();
        } catch (MalformedURLException | IllegalArgumentException | NullPointerException e) {
            throw new Unavailable("the provider's discovery document has no usable jwks_uri", e);
        }
        IDTokenValidator validator = new IDTokenValidator(metadata.getIssuer(), clientId,
                new JWSVerificationKeySelector<>(Set.copyOf(algorithms), keys), null);
        return new Discovered(metadata, validator);
    }
}
