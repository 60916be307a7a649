package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.core.testing.TestPlugins;
import dev.vitals.plugins.slo.SloPlugin;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SLO plugin's form behind the host's own sign-in: a browser signed in with a session cookie must send the form
 * token. The plugin's API and forms are tested in the plugin's module, on the plugin test kit, whose people sign in
 * through the trusted proxy; the session sign-in is the whole product's.
 */
class SloFormSessionTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestPlugins.of().with("slo", SloPlugin::new).source(), Map.of("VITALS_DEMO", "true"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aSignedInBrowsersSloFormCarriesItsFormTokenAndIsRefusedWithoutIt() {
        HttpResponse<String> signIn = server.send(HttpRequest.newBuilder(server.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "http://localhost:" + server.uri("/").getPort())
                .POST(HttpRequest.BodyPublishers.ofString("token=" + TestServer.ADMIN_TOKEN + "&next=/")));
        String cookie = DevSignInTest.session(signIn);
        String form = server.send(HttpRequest.newBuilder(server.uri("/p/slo/new")).header("Cookie", cookie)
                .header("Accept", "text/html")).body();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertTrue(token.find(), form);
        String fields = "name=session-made&service=web-app&objective=99&window=7d&method=occurrences";

        HttpResponse<String> forged = server.send(HttpRequest.newBuilder(server.uri("/p/slo/new"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields)));
        assertEquals(403, forged.statusCode(), "no Origin and no form token: " + forged.body());
        assertEquals(404, server.get("/api/slo/slos/session-made").statusCode());

        HttpResponse<String> sent = server.send(HttpRequest.newBuilder(server.uri("/p/slo/new"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields + "&_csrf=" + token.group(1))));
        assertEquals(303, sent.statusCode(), sent.body());
        assertEquals(200, server.get("/api/slo/slos/session-made").statusCode());
    }
}
