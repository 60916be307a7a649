package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.core.audit.AuditLog.AuditEntry;
import dev.vitals.core.testing.TestPlugins;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The failure throttle behind a reverse proxy, played by the test itself: its requests come from 127.0.0.1, which the
 * portal is told to trust, and carry the client's address in {@code X-Forwarded-For}.
 */
class ThrottleBehindProxyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> BEHIND_PROXY = Map.of("VITALS_TRUSTED_PROXIES", "127.0.0.1,::1");
    private static final String STRANGER = "203.0.113.66";
    private static final String CI = "198.51.100.10";

    @Test
    void aStrangersWrongTokensDoNotLockOutAValidTokenOrASignInBehindTheSameProxy() throws Exception {
        try (TestServer server = TestServer.start(TestPlugins.of().with("guarded", GuardedPlugin::new).source(),
                BEHIND_PROXY)) {
            String token = JSON.readTree(server.asAdmin("POST", "/api/admin/tokens",
                    "{\"name\": \"ci\", \"scopes\": [\"guarded:read\"]}").body()).get("token").asText();
            int refused = 0;
            for (int i = 0; i < 100; i++) {
                refused += bearer(server, "vt_guess-" + i, STRANGER).statusCode() == 429 ? 1 : 0;
            }
            assertEquals(90, refused, "the stranger is slowed down after ten wrong tokens");

            assertEquals(200, bearer(server, token, CI).statusCode(), "CI behind the same proxy");
            assertEquals(200, bearer(server, token, null).statusCode(), "the proxy's own address");
            assertEquals(200, bearer(server, token, STRANGER).statusCode(),
                    "a valid token passes even from the address that guessed wrong");
            assertEquals(303, signIn(server, TestServer.ADMIN_TOKEN, CI).statusCode(), "a dev-mode sign-in");
            assertEquals(303, signIn(server, TestServer.ADMIN_TOKEN, STRANGER).statusCode());
            assertEquals(401, bearer(server, "vt_guess", CI).statusCode(), "CI's own wrong token is a plain 401");
        }
    }

    @Test
    void aGuesserFromOneForwardedAddressIsThrottled() {
        try (TestServer server = TestServer.start(TestPlugins.of().source(), BEHIND_PROXY)) {
            for (int i = 0; i < 10; i++) {
                assertEquals(401, bearer(server, "wrong-" + i, "198.51.100." + i + ", 203.0.113.7").statusCode());
            }
            HttpResponse<String> slowed = bearer(server, "wrong-10", "203.0.113.7");
            assertEquals(429, slowed.statusCode(), slowed.body());
            assertTrue(slowed.body().contains("203.0.113.7"), slowed.body());
            assertTrue(slowed.headers().firstValue("Retry-After").isPresent());
            assertEquals(429, signIn(server, "wrong", "203.0.113.7").statusCode(), "the sign-in form counts alike");
            assertEquals(401, bearer(server, "wrong", "203.0.113.8").statusCode(), "another client is not held back");
        }
    }

    @Test
    void forwardedForFromAnUntrustedPeerIsIgnored() {
        try (TestServer server = TestServer.start(TestPlugins.of().source(), Map.of("VITALS_TRUSTED_PROXIES",
                "10.9.9.9"))) {
            for (int i = 0; i < 10; i++) {
                assertEquals(401, bearer(server, "wrong-" + i, "203.0.113." + i).statusCode());
            }
            assertEquals(429, bearer(server, "wrong", "203.0.113.200").statusCode(),
                    "a new X-Forwarded-For does not escape the throttle");
            assertTrue(server.vitals().identity().throttle().waitFor("203.0.113.1").isEmpty(),
                    "nor does it get the address it names throttled");

            server.send(TestServer.asAdmin(HttpRequest.newBuilder(server.uri("/api/admin/tokens")))
                    .header("X-Forwarded-For", "203.0.113.50").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"x\", \"scopes\": [\"catalog:read\"]}")));
            assertTrue(lastTokenCreation(server).sourceAddress().orElseThrow().matches("127\\.0\\.0\\.1|.*:1"),
                    "the audit log records the socket's address");
        }
    }

    @Test
    void theAuditLogRecordsTheClientTheTrustedProxyNames() {
        try (TestServer server = TestServer.start(TestPlugins.of().source(), BEHIND_PROXY)) {
            server.send(TestServer.asAdmin(HttpRequest.newBuilder(server.uri("/api/admin/tokens")))
                    .header("X-Forwarded-For", CI).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"x\", \"scopes\": [\"catalog:read\"]}")));
            assertEquals(CI, lastTokenCreation(server).sourceAddress().orElseThrow());
        }
    }

    private static AuditEntry lastTokenCreation(TestServer server) {
        return server.vitals().audit().recent(20).stream().filter(e -> e.action().equals("token.create"))
                .findFirst().orElseThrow();
    }

    private static HttpResponse<String> bearer(TestServer server, String secret, String forwardedFor) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/api/guarded/things"))
                .header("Authorization", "Bearer " + secret);
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return server.send(request);
    }

    private static HttpResponse<String> signIn(TestServer server, String token, String forwardedFor) {
        return server.send(HttpRequest.newBuilder(server.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .header("Origin", "http://localhost:" + server.uri("/").getPort())
                .header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token + "&next=/")));
    }
}
