package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.core.testing.TestPlugins;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DevSignInTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestPlugins.of().source());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anAnonymousBrowserIsSentToSignInAndAnAnonymousApiCallIs401() {
        HttpResponse<String> page = server.anonymousPage("/");
        assertEquals(302, page.statusCode());
        assertEquals("/login?next=%2F", page.headers().firstValue("Location").orElseThrow());
        assertEquals(401, server.anonymousGet("/api/admin/tokens").statusCode());
        HttpResponse<String> form = server.anonymousPage("/login");
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("name=\"token\""), form.body());
    }

    @Test
    void theAdminTokenStartsASessionWithAHardenedCookie() {
        HttpResponse<String> signIn = signIn(TestServer.ADMIN_TOKEN, "/");
        assertEquals(303, signIn.statusCode(), signIn.body());
        String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("vitals-session="), "plain http on localhost: no __Host- prefix: " + cookie);
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"), cookie);

        HttpResponse<String> home = server.send(HttpRequest.newBuilder(server.uri("/"))
                .header("Cookie", session(signIn)).header("Accept", "text/html"));
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("Sign out"), home.body());
    }

    @Test
    void behindHttpsTheCookieIsHostPrefixedAndSecure() {
        HttpResponse<String> signIn = server.send(HttpRequest.newBuilder(server.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Host", "vitals.example.com")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + TestServer.ADMIN_TOKEN)));
        String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("__Host-vitals-session=") && cookie.contains("Secure"), cookie);
    }

    @Test
    void eachSignInGetsANewSessionIdAndTheOldOneStopsWorking() {
        HttpResponse<String> first = signIn(TestServer.ADMIN_TOKEN, "/");
        HttpResponse<String> second = server.send(form("/login", "token=" + TestServer.ADMIN_TOKEN)
                .header("Cookie", session(first)));
        assertNotEquals(session(first), session(second));
        assertEquals(401, server.send(HttpRequest.newBuilder(server.uri("/api/admin/plugins"))
                .header("Cookie", session(first))).statusCode());
        assertEquals(200, server.send(HttpRequest.newBuilder(server.uri("/api/admin/plugins"))
                .header("Cookie", session(second))).statusCode());
    }

    @Test
    void signingOutEndsTheSession() {
        HttpResponse<String> signIn = signIn(TestServer.ADMIN_TOKEN, "/");
        String cookie = session(signIn);
        HttpResponse<String> out = server.send(form("/logout", "").header("Cookie", cookie));
        assertEquals(303, out.statusCode());
        assertTrue(out.headers().firstValue("Set-Cookie").orElseThrow().contains("Max-Age=0"));
        assertEquals(401, server.send(HttpRequest.newBuilder(server.uri("/api/admin/plugins"))
                .header("Cookie", cookie)).statusCode());
    }

    @Test
    void aWrongTokenShowsTheFormAgainWithoutASession() {
        HttpResponse<String> signIn = signIn("not-the-admin-token", "/");
        assertEquals(401, signIn.statusCode());
        assertTrue(signIn.body().contains("not the admin token"), signIn.body());
        assertFalse(signIn.headers().firstValue("Set-Cookie").isPresent());
    }

    @Test
    void signInOnlyRedirectsWithinThePortal() {
        assertEquals("/", signIn(TestServer.ADMIN_TOKEN, "https://evil.example/").headers()
                .firstValue("Location").orElseThrow());
        assertEquals("/", signIn(TestServer.ADMIN_TOKEN, "//evil.example/").headers()
                .firstValue("Location").orElseThrow());
        assertEquals("/p/x", signIn(TestServer.ADMIN_TOKEN, "/p/x").headers().firstValue("Location").orElseThrow());
    }

    @Test
    void aSessionChangeWithoutOriginNeedsTheFormToken() {
        String cookie = session(signIn(TestServer.ADMIN_TOKEN, "/"));
        HttpResponse<String> refused = server.send(HttpRequest.newBuilder(server.uri("/api/admin/plugins/none"))
                .header("Cookie", cookie).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\": true}")));
        assertEquals(403, refused.statusCode(), refused.body());
        HttpResponse<String> sameOrigin = server.send(HttpRequest.newBuilder(server.uri("/api/admin/plugins/none"))
                .header("Cookie", cookie).header("Origin", "http://localhost:" + server.uri("/").getPort())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\": true}")));
        assertEquals(404, sameOrigin.statusCode(), "passes the guard and reaches the route: " + sameOrigin.body());
    }

    @Test
    void tokensInTheUrlAreRefused() {
        assertEquals(400, server.anonymousGet("/api/admin/plugins?access_token=" + TestServer.ADMIN_TOKEN).statusCode());
    }

    private static HttpResponse<String> signIn(String token, String next) {
        return server.send(form("/login", "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&next="
                + URLEncoder.encode(next, StandardCharsets.UTF_8)));
    }

    private static HttpRequest.Builder form(String path, String body) {
        return HttpRequest.newBuilder(server.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .header("Origin", "http://localhost:" + server.uri("/").getPort())
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    static String session(HttpResponse<String> signIn) {
        String header = signIn.headers().firstValue("Set-Cookie").orElseThrow();
        return header.substring(0, header.indexOf(';'));
    }
}
