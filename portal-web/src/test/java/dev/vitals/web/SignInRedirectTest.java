package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vitals.core.testing.TestPlugins;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code next} after sign-in leads only to a path on this portal, however it is dressed up. */
class SignInRedirectTest {

    /** Values of {@code next} as they travel in a URL or form, each meant to leave the portal. */
    private static final List<String> OFF_SITE = List.of(
            "%2F%09%2Fevil.example",            // /<tab>/evil.example: browsers drop the tab
            "%2F%0A%2Fevil.example",            // newline
            "%2F%0D%2Fevil.example",            // carriage return
            "%2F%00%2Fevil.example",            // any control character
            "%2F%7F%2Fevil.example",            // delete
            "%2F%2Fevil.example",               // //evil.example
            "%2F%5Cevil.example",               // /\evil.example: browsers read \ as /
            "%5C%5Cevil.example",
            "%2Fservices%5C..%5C..%5Cx",        // a backslash anywhere
            "https%3A%2F%2Fevil.example%2F",
            "javascript%3Aalert(1)",
            "evil.example",
            "%2F%252F%252Fevil.example",        // encoded twice: /%2F%2F… decodes to ///…
            "%2F%255Cevil.example",
            "%2F%2509%2Fevil.example",
            "%2F%25252F%25252Fevil.example",    // encoded three times
            "%2Flogin%3Fnext%3D%2F%2Fevil.example",
            "");

    /** Paths on the portal, with their query strings, kept as they came. */
    private static final Map<String, String> ON_SITE = new LinkedHashMap<>(Map.of(
            "%2Fservices%3Fowner%3Dteam-a%26tag%3Djava", "/services?owner=team-a&tag=java",
            "%2Fp%2Fslo%2F%3Fq%3Da%2520b", "/p/slo/?q=a%20b",
            "%2Fservices%3Ftext%3D100%25", "/services?text=100%",
            "%2Fteams%2Fteam-a", "/teams/team-a"));

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestPlugins.of().source());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String afterSignedInVisit(String next) {
        HttpResponse<String> response = server.send(TestServer.asAdmin(HttpRequest.newBuilder(
                server.uri("/login?next=" + next))).header("Accept", "text/html").GET());
        assertEquals(303, response.statusCode(), next);
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static HttpResponse<String> signIn(String next) {
        return server.send(HttpRequest.newBuilder(server.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .header("Origin", "http://localhost:" + server.uri("/").getPort())
                .POST(HttpRequest.BodyPublishers.ofString("token=" + TestServer.ADMIN_TOKEN + "&next=" + next)));
    }

    private static String afterSignIn(String next) {
        HttpResponse<String> response = signIn(next);
        assertEquals(303, response.statusCode(), next + ": " + response.body());
        return response.headers().firstValue("Location").orElseThrow();
    }

    @Test
    void aSignedInVisitToLoginNeverLeavesThePortal() {
        for (String next : OFF_SITE) {
            assertEquals("/", afterSignedInVisit(next), next);
        }
    }

    @Test
    void signingInNeverLeavesThePortal() {
        for (String next : OFF_SITE) {
            HttpResponse<String> response = signIn(next);
            if (response.statusCode() == 422) {
                // A form field holding a NUL is refused whole before sign-in reads it: no redirect at all.
                assertEquals(Optional.empty(), response.headers().firstValue("Location"), next);
            } else {
                assertEquals(303, response.statusCode(), next + ": " + response.body());
                assertEquals(Optional.of("/"), response.headers().firstValue("Location"), next);
            }
        }
    }

    @Test
    void pathsOnThePortalAreKeptWithTheirQueryStrings() {
        ON_SITE.forEach((next, path) -> {
            assertEquals(path, afterSignedInVisit(next), next);
            assertEquals(path, afterSignIn(next), next);
        });
    }
}
