package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.core.testing.MovableClock;
import dev.vitals.core.testing.TestPlugins;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sign-in at a real OpenID Connect provider over HTTP, the browser played by a plain client that follows each
 * redirect by hand so that every step can be checked and replayed.
 */
class OidcSignInTest {

    private static TestOidcProvider provider;
    private static TestServer server;
    private static final HttpClient BROWSER = HttpClient.newHttpClient();
    private static final MovableClock CLOCK = new MovableClock();

    @BeforeAll
    static void start() {
        provider = TestOidcProvider.start(false);
        server = TestServer.start(TestPlugins.of().with("guarded", GuardedPlugin::new).source(),
                provider.portalEnvironment(), CLOCK);
    }

    @AfterAll
    static void stop() {
        server.close();
        provider.close();
    }

    @Test
    void signingInAtTheProviderBringsAnAdminGroupMemberBackToThePageTheyAskedFor() {
        HttpResponse<String> protectedPage = server.anonymousPage("/p/guarded/");
        assertEquals("/login?next=%2Fp%2Fguarded%2F", protectedPage.headers().firstValue("Location").orElseThrow());

        Begun begun = begin("/p/guarded/", Map.of());
        Map<String, String> request = begun.authorizationRequest();
        assertTrue(begun.authorize().toString().startsWith(provider.issuer() + "/authorize"), begun.authorize().toString());
        assertEquals("code", request.get("response_type"));
        assertEquals(TestOidcProvider.CLIENT_ID, request.get("client_id"));
        assertEquals(server.uri("/login/callback").toString(), request.get("redirect_uri"));
        assertEquals("S256", request.get("code_challenge_method"));
        assertTrue(request.get("scope").contains("openid"), request.get("scope"));
        for (String secret : List.of("state", "nonce", "code_challenge")) {
            assertTrue(request.getOrDefault(secret, "").length() >= 43, secret + " carries 256 random bits");
        }

        provider.nextSignIn("ada", List.of("vitals-admins"));
        HttpResponse<String> back = finish(atProvider(begun), begun.cookies());
        assertEquals(303, back.statusCode(), back.body());
        assertEquals("/p/guarded/", back.headers().firstValue("Location").orElseThrow());
        String session = cookie(back, "vitals-session=").orElseThrow();
        String setCookie = setCookie(back, "vitals-session=").orElseThrow();
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax") && setCookie.contains("Path=/"),
                setCookie);
        assertTrue(setCookie(back, "vitals-sign-in=").orElseThrow().contains("Max-Age=0"), "the state cookie is gone");

        HttpResponse<String> page = server.send(HttpRequest.newBuilder(server.uri("/p/guarded/"))
                .header("Cookie", session).header("Accept", "text/html"));
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("ada") && page.body().contains("Sign out"), page.body());
        assertEquals(200, withSession(session, "GET", "/api/admin/plugins", null).statusCode(), "ada is an admin");
    }

    @Test
    void aTeamGroupMakesAnEditorOfThatTeamOnlyAndNoGroupsAViewer() {
        String editor = signIn("ed", List.of("staff", "team-a"));
        assertEquals(403, withSession(editor, "GET", "/api/admin/plugins", null).statusCode());
        HttpResponse<String> own = withSession(editor, "POST", "/api/admin/tokens",
                "{\"name\": \"a-ci\", \"scopes\": [\"guarded:write\"], \"team\": \"a\"}");
        assertEquals(201, own.statusCode(), own.body());
        HttpResponse<String> other = withSession(editor, "POST", "/api/admin/tokens",
                "{\"name\": \"b-ci\", \"scopes\": [\"guarded:write\"], \"team\": \"b\"}");
        assertEquals(422, other.statusCode(), other.body());
        assertEquals(201, withSession(editor, "POST", "/api/guarded/things", "{}").statusCode());

        String viewer = signIn("vera", List.of());
        assertEquals(200, withSession(viewer, "GET", "/api/guarded/things", null).statusCode());
        assertEquals(403, withSession(viewer, "POST", "/api/guarded/things", "{}").statusCode());
    }

    @Test
    void aCallbackWithAnotherStateOrFromAnotherBrowserIsRefused() {
        Begun begun = begin("/", Map.of());
        String callback = atProvider(begun);
        String state = begun.authorizationRequest().get("state");

        // Another first character, whatever the random state starts with.
        String forged = (state.charAt(0) == 'x' ? "y" : "x") + state.substring(1);
        HttpResponse<String> otherState = finish(callback.replace("state=" + state, "state=" + forged),
                begun.cookies());
        assertEquals(400, otherState.statusCode(), otherState.body());
        assertTrue(otherState.body().contains("not started in this browser"), otherState.body());
        assertTrue(cookie(otherState, "vitals-session=").isEmpty());

        HttpResponse<String> otherBrowser = finish(callback, "");
        assertEquals(400, otherBrowser.statusCode(), otherBrowser.body());
        assertTrue(otherBrowser.body().contains("Sign in again"), otherBrowser.body());
        assertTrue(cookie(otherBrowser, "vitals-session=").isEmpty());
    }

    @Test
    void aCallbackCountsOnceAndItsReplayIsRefused() {
        Begun begun = begin("/", Map.of());
        provider.nextSignIn("ada", List.of("vitals-admins"));
        String callback = atProvider(begun);
        assertEquals(303, finish(callback, begun.cookies()).statusCode());

        HttpResponse<String> replay = finish(callback, begun.cookies());
        assertEquals(400, replay.statusCode(), replay.body());
        assertTrue(replay.body().contains("expired or was already used"), replay.body());
        assertTrue(cookie(replay, "vitals-session=").isEmpty());
    }

    @Test
    void anIdTokenForAnotherClientIsRefusedAtTheCallback() {
        Begun begun = begin("/", Map.of());
        String callback = atProvider(begun);
        Map<String, Object> claims = idTokenClaims(begun);
        claims.put("aud", "some-other-app");
        provider.nextExchangeAnswers(provider.signedIdToken(claims));
        HttpResponse<String> back = finish(callback, begun.cookies());
        assertEquals(401, back.statusCode(), back.body());
        assertTrue(back.body().contains("could not be accepted") && back.body().contains("Sign in again"), back.body());
        assertTrue(cookie(back, "vitals-session=").isEmpty());
    }

    @Test
    void anAlteredIdTokenIsRefusedAtTheCallback() {
        Begun begun = begin("/", Map.of());
        String callback = atProvider(begun);
        String[] parts = provider.signedIdToken(idTokenClaims(begun)).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"staff\"", "\"vitals-admins\"");
        provider.nextExchangeAnswers(parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);
        HttpResponse<String> back = finish(callback, begun.cookies());
        assertEquals(401, back.statusCode(), back.body());
        assertTrue(cookie(back, "vitals-session=").isEmpty());
    }

    @Test
    void theForgedTokenEndpointIsOnlyInTheWayWhenATestAsksForIt() {
        Begun begun = begin("/", Map.of());
        String callback = atProvider(begun);
        provider.nextExchangeAnswers(provider.signedIdToken(idTokenClaims(begun)));
        assertEquals(303, finish(callback, begun.cookies()).statusCode(), "a well-formed token passes, so the "
                + "refusals above are about the audience and the signature");
    }

    /** What the provider would put in this sign-in's ID token for a member of staff. */
    private static Map<String, Object> idTokenClaims(Begun begun) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", "mallory");
        claims.put("aud", TestOidcProvider.CLIENT_ID);
        claims.put("nonce", begun.authorizationRequest().get("nonce"));
        claims.put("groups", List.of("staff"));
        return claims;
    }

    @Test
    void aRefusalAtTheProviderSaysWhatHappenedAndOffersToSignInAgain() {
        Begun begun = begin("/p/guarded/", Map.of());
        String state = begun.authorizationRequest().get("state");
        HttpResponse<String> denied = finish(server.uri("/login/callback?error=access_denied&error_description="
                + URLEncoder.encode("The user cancelled", StandardCharsets.UTF_8) + "&state=" + state).toString(),
                begun.cookies());
        assertEquals(403, denied.statusCode(), denied.body());
        assertTrue(denied.body().contains("did not let you in (The user cancelled)"), denied.body());
        assertTrue(denied.body().contains("href=\"/login?next=%2Fp%2Fguarded%2F\""), denied.body());
        assertTrue(cookie(denied, "vitals-session=").isEmpty());
    }

    @Test
    void eachSignInGetsANewSessionIdAndTheOldOneStopsWorking() {
        String first = signIn("ada", List.of("vitals-admins"));
        Begun begun = begin("/", Map.of());
        provider.nextSignIn("ada", List.of("vitals-admins"));
        HttpResponse<String> again = finish(atProvider(begun), begun.cookies() + "; " + first);
        String second = cookie(again, "vitals-session=").orElseThrow();
        assertNotEquals(first, second);
        assertEquals(401, withSession(first, "GET", "/api/admin/plugins", null).statusCode());
        assertEquals(200, withSession(second, "GET", "/api/admin/plugins", null).statusCode());
    }

    @Test
    void behindHttpsBothCookiesAreHostPrefixedAndSecure() {
        Begun begun = begin("/", Map.of("Host", "vitals.example.com"));
        assertTrue(begun.cookies().startsWith("__Host-vitals-sign-in="), begun.cookies());
        provider.nextSignIn("ada", List.of());
        String callback = atProvider(begun);
        HttpResponse<String> back = server.send(HttpRequest.newBuilder(URI.create(callback))
                .header("Host", "vitals.example.com").header("Cookie", begun.cookies()).header("Accept", "text/html"));
        assertEquals(303, back.statusCode(), back.body());
        String session = setCookie(back, "__Host-vitals-session=").orElseThrow();
        assertTrue(session.contains("Secure") && session.contains("HttpOnly") && session.contains("SameSite=Lax"),
                session);
    }

    @Test
    void signingOutEndsThePortalSessionAndDoesNotSendTheBrowserStraightBackToTheProvider() {
        String session = signIn("ada", List.of("vitals-admins"));
        HttpResponse<String> out = server.send(HttpRequest.newBuilder(server.uri("/logout")).header("Cookie", session)
                .header("Origin", origin()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("")));
        assertEquals(303, out.statusCode(), out.body());
        assertEquals("/login?signed-out", out.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> signedOut = server.anonymousPage("/login?signed-out");
        assertEquals(200, signedOut.statusCode());
        assertTrue(signedOut.body().contains("signed out of Vitals"), signedOut.body());
        assertEquals(401, withSession(session, "GET", "/api/admin/plugins", null).statusCode());
    }

    @Test
    void theSignInFormIsNotATokenFormInOidcMode() {
        HttpResponse<String> posted = server.send(HttpRequest.newBuilder(server.uri("/login")).header("Origin", origin())
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + TestServer.ADMIN_TOKEN)));
        assertEquals(400, posted.statusCode());
        assertTrue(cookie(posted, "vitals-session=").isEmpty());
        assertEquals(401, server.get("/api/admin/plugins").statusCode(), "the admin token is for dev mode only");
    }

    @Test
    void aProviderThatDoesNotAnswerGivesAPageSayingWhatToDoAndThePortalKeepsServing() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        try (TestServer portal = TestServer.start(TestPlugins.of().source(), Map.of("VITALS_AUTH", "oidc",
                "VITALS_OIDC_ISSUER", "http://127.0.0.1:" + closed + "/corp", "VITALS_OIDC_CLIENT_ID", "vitals",
                "VITALS_OIDC_CLIENT_SECRET", "secret"))) {
            HttpResponse<String> login = portal.anonymousPage("/login?next=%2Fteams");
            assertEquals(502, login.statusCode(), login.body());
            assertTrue(login.body().contains("The sign-in provider did not answer")
                    && login.body().contains("VITALS_OIDC_ISSUER"), login.body());
            assertTrue(login.body().contains("href=\"/login?next=%2Fteams\""), login.body());
            assertEquals(200, portal.anonymousGet("/health/live").statusCode());
        }
    }

    @Test
    void theSignedOutPageLinksBackToSignIn() {
        HttpResponse<String> signedOut = server.anonymousPage("/login?signed-out&next=%2Fp%2Fguarded%2F%3Fa%3D1%26b%3D2");
        assertTrue(signedOut.body().contains("href=\"/login?next=%2Fp%2Fguarded%2F%3Fa%3D1%26b%3D2\""),
                signedOut.body());
    }

    @Test
    void aGroupChangeAtTheProviderCountsOnceTheSessionIsFifteenMinutesOld() {
        String session = signIn("olga", List.of("team-a"));
        CLOCK.moveOn(Duration.ofMinutes(16));
        assertEquals(201, withSession(session, "POST", "/api/guarded/things", "{}").statusCode(),
                "the provider renewed the sign-in with the same groups");

        provider.nextExchangeAnswers(provider.signedIdToken(Map.of("sub", "olga", "aud", TestOidcProvider.CLIENT_ID,
                "groups", List.of("staff"))));
        CLOCK.moveOn(Duration.ofMinutes(14));
        assertEquals(201, withSession(session, "POST", "/api/guarded/things", "{}").statusCode(),
                "within fifteen minutes of the last check the provider is not asked");
        CLOCK.moveOn(Duration.ofMinutes(2));
        assertEquals(403, withSession(session, "POST", "/api/guarded/things", "{}").statusCode(),
                "olga left team-a at the provider");
        assertTrue(server.vitals().audit().recent(20).stream().anyMatch(e -> e.action().equals("session.groups")
                && e.subject().equals("user:olga")), "the change is audited");
    }

    @Test
    void aPersonTheProviderNoLongerSignsInIsSignedOutAtTheNextCheck() {
        String session = signIn("rita", List.of("team-a"));
        assertEquals(200, withSession(session, "GET", "/api/guarded/things", null).statusCode());
        provider.refuseNextExchange();
        CLOCK.moveOn(Duration.ofMinutes(16));
        assertEquals(401, withSession(session, "GET", "/api/guarded/things", null).statusCode());
        assertEquals(401, withSession(session, "GET", "/api/guarded/things", null).statusCode(),
                "the session is gone, not just refused once");
        assertTrue(server.vitals().audit().recent(20).stream().anyMatch(e -> e.action().equals("session.end")
                && e.subject().equals("user:rita") && e.after().orElse("").contains("the person was removed")));
    }

    @Test
    void aProviderThatIsDownKeepsTheSessionAndIsAskedAgainAMinuteLater() {
        String session = signIn("pia", List.of("team-a"));
        provider.failNextExchange();
        CLOCK.moveOn(Duration.ofMinutes(16));
        assertEquals(201, withSession(session, "POST", "/api/guarded/things", "{}").statusCode(),
                "the session stands as it was");
        provider.nextExchangeAnswers(provider.signedIdToken(Map.of("sub", "pia", "aud", TestOidcProvider.CLIENT_ID,
                "groups", List.of())));
        assertEquals(201, withSession(session, "POST", "/api/guarded/things", "{}").statusCode(),
                "not asked again at once");
        CLOCK.moveOn(Duration.ofMinutes(2));
        assertEquals(403, withSession(session, "POST", "/api/guarded/things", "{}").statusCode(),
                "asked again a minute later");
        assertTrue(server.vitals().audit().recent(20).stream().noneMatch(e -> e.action().equals("session.end")
                && e.subject().equals("user:pia")));
    }

    @Test
    void aTeamTokenDiesWhenTheProviderNoLongerPutsItsMakerInTheTeam() throws Exception {
        String session = signIn("tom", List.of("team-a"));
        HttpResponse<String> made = withSession(session, "POST", "/api/admin/tokens",
                "{\"name\": \"tom-ci\", \"scopes\": [\"guarded:write\"], \"team\": \"a\"}");
        assertEquals(201, made.statusCode(), made.body());
        String token = new com.fasterxml.jackson.databind.ObjectMapper().readTree(made.body()).get("token").asText();
        HttpRequest.Builder ci = HttpRequest.newBuilder(server.uri("/api/guarded/things"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        assertEquals(201, server.send(ci).statusCode());

        provider.nextExchangeAnswers(provider.signedIdToken(Map.of("sub", "tom", "aud", TestOidcProvider.CLIENT_ID,
                "groups", List.of())));
        CLOCK.moveOn(Duration.ofMinutes(16));
        withSession(session, "GET", "/api/guarded/things", null);
        HttpResponse<String> lapsed = server.send(ci);
        assertEquals(401, lapsed.statusCode(), lapsed.body());
        assertTrue(lapsed.body().contains("no longer edits team a"), lapsed.body());
    }

    /** What {@code /login} answered: where it sends the browser and the cookies it set. */
    private record Begun(URI authorize, String cookies) {
        Map<String, String> authorizationRequest() {
            return Arrays.stream(authorize.getRawQuery().split("&")).map(p -> p.split("=", 2))
                    .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
        }
    }

    private static Begun begin(String next, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/login?next="
                + URLEncoder.encode(next, StandardCharsets.UTF_8))).header("Accept", "text/html");
        headers.forEach(request::header);
        HttpResponse<String> response = server.send(request);
        assertEquals(302, response.statusCode(), response.body());
        String cookies = response.headers().allValues("Set-Cookie").stream().map(c -> c.substring(0, c.indexOf(';')))
                .collect(Collectors.joining("; "));
        return new Begun(URI.create(response.headers().firstValue("Location").orElseThrow()), cookies);
    }

    /** The provider signs the person in at once and sends the browser back: the callback address it names. */
    private static String atProvider(Begun begun) {
        try {
            HttpResponse<String> response = BROWSER.send(HttpRequest.newBuilder(begun.authorize()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(302, response.statusCode(), response.body());
            return response.headers().firstValue("Location").orElseThrow();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> finish(String callback, String cookies) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(callback)).header("Accept", "text/html");
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        return server.send(request);
    }

    private static String signIn(String subject, List<String> groups) {
        Begun begun = begin("/", Map.of());
        provider.nextSignIn(subject, groups);
        HttpResponse<String> back = finish(atProvider(begun), begun.cookies());
        assertEquals(303, back.statusCode(), back.body());
        return cookie(back, "vitals-session=").orElseThrow();
    }

    private static HttpResponse<String> withSession(String session, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).header("Cookie", session)
                .header("Origin", origin()).header("Content-Type", "application/json");
        return server.send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)));
    }

    private static String origin() {
        return "http://localhost:" + server.uri("/").getPort();
    }

    private static Optional<String> setCookie(HttpResponse<String> response, String prefix) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(prefix)).findFirst();
    }

    /** A live session cookie the response set, as a Cookie header value. */
    private static Optional<String> cookie(HttpResponse<String> response, String prefix) {
        return setCookie(response, prefix).filter(c -> !c.contains("Max-Age=0")).map(c -> c.substring(0, c.indexOf(';')));
    }
}
