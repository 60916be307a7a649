package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.core.testing.TestPlugins;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxySignInTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void proxyHeadersFromAnAddressNotOnTheAllowListAre401() {
        try (TestServer server = TestServer.start(TestPlugins.of().with("guarded", GuardedPlugin::new).source(),
                Map.of("VITALS_AUTH", "proxy", "VITALS_PROXY_ADDRESSES", "10.9.9.9,192.168.0.0/16"))) {
            HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/api/guarded/things"))
                    .header("X-Forwarded-User", "mallory").header("X-Forwarded-Groups", "vitals-admins"));
            assertEquals(401, response.statusCode(), response.body());
            assertEquals(401, server.anonymousGet("/api/guarded/things").statusCode());
        }
    }

    @Test
    void proxyHeadersFromTheProxyNameThePersonAndTheirGroupsGiveRoles() throws Exception {
        try (TestServer server = TestServer.start(TestPlugins.of().with("guarded", GuardedPlugin::new).source(),
                Map.of("VITALS_AUTH", "proxy", "VITALS_PROXY_ADDRESSES", "127.0.0.1,::1",
                        "VITALS_PROXY_USER_HEADER", "X-Auth-User", "VITALS_PROXY_GROUPS_HEADER", "X-Auth-Groups"))) {
            HttpResponse<String> viewer = server.send(HttpRequest.newBuilder(server.uri("/api/guarded/things"))
                    .header("X-Auth-User", "vera"));
            assertEquals(200, viewer.statusCode(), viewer.body());
            assertEquals(403, server.send(HttpRequest.newBuilder(server.uri("/api/admin/plugins"))
                    .header("X-Auth-User", "vera")).statusCode());
            assertEquals(200, server.send(HttpRequest.newBuilder(server.uri("/api/admin/plugins"))
                    .header("X-Auth-User", "ada").header("X-Auth-Groups", "staff, vitals-admins")).statusCode());
            assertEquals(401, server.send(HttpRequest.newBuilder(server.uri("/api/admin/plugins"))
                    .header("Authorization", "Bearer " + TestServer.ADMIN_TOKEN)).statusCode(),
                    "the bootstrap admin token is for dev mode only");
        }
    }

    @Test
    void teamEditorsMakeAndRevokeTokensForTheirOwnTeamOnly() throws Exception {
        try (TestServer server = TestServer.start(TestPlugins.of().with("guarded", GuardedPlugin::new).source(),
                Map.of("VITALS_AUTH", "proxy", "VITALS_PROXY_ADDRESSES", "127.0.0.1,::1"))) {
            HttpResponse<String> own = server.send(editor(server, "POST", "/api/admin/tokens",
                    "{\"name\": \"a-ci\", \"scopes\": [\"guarded:write\"], \"team\": \"a\"}"));
            assertEquals(201, own.statusCode(), own.body());
            HttpResponse<String> other = server.send(editor(server, "POST", "/api/admin/tokens",
                    "{\"name\": \"b-ci\", \"scopes\": [\"guarded:write\"], \"team\": \"b\"}"));
            assertEquals(422, other.statusCode(), other.body());
            assertTrue(other.body().contains("not an editor of team b"), other.body());
            HttpResponse<String> admin = server.send(editor(server, "POST", "/api/admin/tokens",
                    "{\"name\": \"root\", \"scopes\": [\"admin\"], \"team\": \"a\"}"));
            assertEquals(422, admin.statusCode(), admin.body());

            long id = JSON.readTree(own.body()).get("id").asLong();
            String secret = JSON.readTree(own.body()).get("token").asText();
            assertEquals(201, server.send(HttpRequest.newBuilder(server.uri("/api/guarded/things"))
                    .header("Authorization", "Bearer " + secret).POST(HttpRequest.BodyPublishers.ofString("{}")))
                    .statusCode(), "a team token edits");
            assertEquals(404, server.send(HttpRequest.newBuilder(server.uri("/api/admin/tokens/" + id))
                    .header("X-Forwarded-User", "bob").header("X-Forwarded-Groups", "team-b").DELETE()).statusCode(),
                    "another team's editor cannot see or revoke it");
            assertEquals(200, server.send(editor(server, "DELETE", "/api/admin/tokens/" + id, "")).statusCode());
        }
    }

    private static HttpRequest.Builder editor(TestServer server, String method, String path, String body) {
        return HttpRequest.newBuilder(server.uri(path)).header("X-Forwarded-User", "ed")
                .header("X-Forwarded-Groups", "team-a").header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
}
