package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.api.PluginContext;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.VitalsPlugin;
import dev.vitals.core.testing.TestPlugins;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /api/health} tells anyone which plugins run, and only admins why the others do not. */
class HealthDetailTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INTERNAL = "db.internal.example";
    private static TestServer server;

    /** Fails to start with a reason that names an internal host. */
    static final class Broken implements VitalsPlugin {
        @Override
        public RunningPlugin create(PluginContext context) {
            throw new IllegalStateException("cannot reach " + INTERNAL + ":5432");
        }
    }

    /** Starts and serves nothing. */
    static VitalsPlugin idle() {
        return context -> new RunningPlugin() { };
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(TestPlugins.of().with("broken", Broken::new)
                .with("calm", HealthDetailTest::idle).with("quiet", HealthDetailTest::idle).source());
        assertEquals(200, server.asAdmin("PUT", "/api/admin/plugins/quiet", "{\"enabled\": false}").statusCode());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Map<String, JsonNode> plugins(HttpResponse<String> health) throws Exception {
        assertEquals(200, health.statusCode(), health.body());
        Map<String, JsonNode> byId = new TreeMap<>();
        JSON.readTree(health.body()).get("plugins").forEach(p -> byId.put(p.get("id").asText(), p));
        return byId;
    }

    private static void assertStatesOnly(HttpResponse<String> health) throws Exception {
        Map<String, JsonNode> plugins = plugins(health);
        assertEquals(Map.of("broken", "FAILED", "calm", "STARTED", "quiet", "DISABLED"), states(plugins));
        plugins.values().forEach(p -> assertEquals(2, p.size(), "id and state only: " + p));
        assertFalse(health.body().contains(INTERNAL), health.body());
        assertFalse(health.body().contains("admin"), "no one's name: " + health.body());
    }

    private static Map<String, String> states(Map<String, JsonNode> plugins) {
        Map<String, String> states = new TreeMap<>();
        plugins.forEach((id, p) -> states.put(id, p.get("state").asText()));
        return states;
    }

    @Test
    void anAnonymousCallerSeesStatesButNotReasonsOrNames() throws Exception {
        assertStatesOnly(server.anonymousGet("/api/health"));
    }

    @Test
    void aTokenWithoutTheAdminScopeSeesStatesOnly() throws Exception {
        JsonNode token = JSON.readTree(server.asAdmin("POST", "/api/admin/tokens",
                "{\"name\": \"monitor\", \"scopes\": [\"catalog:read\"]}").body());

        assertStatesOnly(server.send(HttpRequest.newBuilder(server.uri("/api/health"))
                .header("Authorization", "Bearer " + token.get("token").asText())));
    }

    @Test
    void anAdminSeesWhyAndByWhom() throws Exception {
        Map<String, JsonNode> byToken = plugins(server.get("/api/health"));
        HttpResponse<String> signIn = server.send(HttpRequest.newBuilder(server.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "http://localhost:" + server.uri("/").getPort())
                .POST(HttpRequest.BodyPublishers.ofString("token=" + TestServer.ADMIN_TOKEN)));
        Map<String, JsonNode> bySession = plugins(server.send(HttpRequest.newBuilder(server.uri("/api/health"))
                .header("Cookie", DevSignInTest.session(signIn))));

        for (Map<String, JsonNode> plugins : java.util.List.of(byToken, bySession)) {
            assertTrue(plugins.get("broken").get("reason").asText().contains(INTERNAL), plugins.toString());
            assertTrue(plugins.get("quiet").get("reason").asText().startsWith("disabled by admin"), plugins.toString());
            assertTrue(plugins.get("calm").has("version"), plugins.toString());
        }
    }

    @Test
    void liveAndReadySayOnlyUpOrDown() {
        for (String path : java.util.List.of("/health/live", "/health/ready")) {
            HttpResponse<String> anonymous = server.anonymousGet(path);
            assertEquals(200, anonymous.statusCode());
            assertEquals("{\"status\":\"UP\"}", anonymous.body());
            assertEquals("{\"status\":\"UP\"}", server.get(path).body(), "the same for admins");
        }
    }
}
