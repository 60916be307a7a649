package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.core.audit.Actor;
import dev.vitals.core.identity.ApiTokens;
import dev.vitals.core.identity.Secret;
import dev.vitals.core.testing.TestPlugins;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApiTokenTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestPlugins.of().with("guarded", GuardedPlugin::new).source());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aTokenIsShownOnceAndKeptOnlyAsItsHash() throws Exception {
        JsonNode created = create("{\"name\": \"ci\", \"scopes\": [\"guarded:read\"]}");
        String secret = created.get("token").asText();
        String list = server.get("/api/admin/tokens").body();
        assertTrue(list.contains("\"name\":\"ci\""), list);
        assertFalse(list.contains(secret), "the list never shows the secret");
        String stored = server.vitals().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT secret_hash FROM core.api_tokens WHERE id = :id").bind("id", created.get("id").asLong())
                .mapTo(String.class).one());
        assertEquals(Secret.hash(secret), stored);
    }

    @Test
    void aTokenWithTheScopeIsAcceptedAndItsLastUseRecorded() throws Exception {
        JsonNode created = create("{\"name\": \"reader\", \"scopes\": [\"guarded:read\"]}");
        assertEquals(200, withToken(created, "GET", "/api/guarded/things").statusCode());
        JsonNode token = find(created.get("id").asLong());
        assertFalse(token.get("lastUsedAt").isNull(), token.toString());
        assertEquals("127.0.0.1", token.get("lastUsedFrom").asText());
    }

    @Test
    void aTokenWithoutTheScopeIs403() throws Exception {
        JsonNode created = create("{\"name\": \"reader\", \"scopes\": [\"guarded:read\"]}");
        assertEquals(403, withToken(created, "POST", "/api/guarded/things").statusCode());
        assertEquals(403, withToken(created, "PUT", "/api/guarded/ingest").statusCode());
        assertEquals(403, withToken(created, "GET", "/api/admin/tokens").statusCode());
    }

    @Test
    void aPluginsOwnScopeOpensItsRoute() throws Exception {
        JsonNode created = create("{\"name\": \"ingest\", \"scopes\": [\"guarded:ingest\"]}");
        assertEquals(200, withToken(created, "PUT", "/api/guarded/ingest").statusCode());
    }

    @Test
    void anExpiredTokenIs401() {
        String secret = server.vitals().identity().tokens().create(new ApiTokens.NewToken("old",
                List.of("guarded:read"), Optional.empty(), Optional.of(Instant.EPOCH)), Actor.SYSTEM).secret();
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/api/guarded/things"))
                .header("Authorization", "Bearer " + secret));
        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains("expired"), response.body());
    }

    @Test
    void aRevokedTokenIs401() throws Exception {
        JsonNode created = create("{\"name\": \"short-lived\", \"scopes\": [\"guarded:read\"]}");
        assertEquals(200, withToken(created, "GET", "/api/guarded/things").statusCode());
        assertEquals(200, server.asAdmin("DELETE", "/api/admin/tokens/" + created.get("id").asLong(), "").statusCode());
        HttpResponse<String> after = withToken(created, "GET", "/api/guarded/things");
        assertEquals(401, after.statusCode());
        assertTrue(after.body().contains("revoked"), after.body());
    }

    @Test
    void anUnknownTokenIs401() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/api/guarded/things"))
                .header("Authorization", "Bearer vt_nothing-like-this"));
        assertEquals(401, response.statusCode());
    }

    @Test
    void aRequestForAnUnknownScopeOrAPastExpiryIs422NamingTheField() throws Exception {
        HttpResponse<String> unknown = server.asAdmin("POST", "/api/admin/tokens",
                "{\"name\": \"x\", \"scopes\": [\"nothing:here\"]}");
        assertEquals(422, unknown.statusCode());
        assertEquals("scopes", JSON.readTree(unknown.body()).get("errors").get(0).get("field").asText());
        HttpResponse<String> past = server.asAdmin("POST", "/api/admin/tokens",
                "{\"name\": \"x\", \"scopes\": [\"guarded:read\"], \"expiresAt\": \"2000-01-01T00:00:00Z\"}");
        assertEquals(422, past.statusCode());
        assertEquals("expiresAt", JSON.readTree(past.body()).get("errors").get(0).get("field").asText());
    }

    @Test
    void makingAndRevokingATokenIsAudited() throws Exception {
        JsonNode created = create("{\"name\": \"audited\", \"scopes\": [\"guarded:read\"]}");
        server.asAdmin("DELETE", "/api/admin/tokens/" + created.get("id").asLong(), "");
        List<String> actions = server.vitals().audit().recent(50).stream()
                .filter(e -> e.subject().equals("token:" + created.get("id").asLong())).map(e -> e.action()).toList();
        assertEquals(List.of("token.revoke", "token.create"), actions);
    }

    @Test
    void repeatedFailuresFromOneAddressAreSlowedDownWhileAValidTokenStillPasses() {
        try (TestServer fresh = TestServer.start(TestPlugins.of().source())) {
            for (int i = 0; i < 10; i++) {
                assertEquals(401, fresh.send(HttpRequest.newBuilder(fresh.uri("/api/admin/plugins"))
                        .header("Authorization", "Bearer wrong-" + i)).statusCode());
            }
            HttpResponse<String> slowed = fresh.send(HttpRequest.newBuilder(fresh.uri("/api/admin/plugins"))
                    .header("Authorization", "Bearer wrong-10"));
            assertEquals(429, slowed.statusCode(), "an address that guessed wrong often waits");
            assertTrue(slowed.headers().firstValue("Retry-After").isPresent());
            assertEquals(200, fresh.get("/api/admin/plugins").statusCode(),
                    "a valid token is checked first and is never held back by wrong ones");
        }
    }

    private static JsonNode create(String body) throws Exception {
        HttpResponse<String> response = server.asAdmin("POST", "/api/admin/tokens", body);
        assertEquals(201, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static JsonNode find(long id) throws Exception {
        for (JsonNode token : JSON.readTree(server.get("/api/admin/tokens").body()).get("tokens")) {
            if (token.get("id").asLong() == id) {
                return token;
            }
        }
        throw new AssertionError("no token " + id);
    }

    private static HttpResponse<String> withToken(JsonNode created, String method, String path) {
        return server.send(HttpRequest.newBuilder(server.uri(path))
                .header("Authorization", "Bearer " + created.get("token").asText())
                .header("Content-Type", "application/json")
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}")));
    }
}
