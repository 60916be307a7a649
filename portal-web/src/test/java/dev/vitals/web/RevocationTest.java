package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.core.testing.TestPlugins;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Access that ends: sessions an admin ends, grants and groups that change, team tokens whose maker lost the team. */
class RevocationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> PROXY = Map.of("VITALS_AUTH", "proxy", "VITALS_PROXY_ADDRESSES",
            "127.0.0.1,::1");

    @Test
    void anAdminEndsAPersonsSessionsAndTheirNextRequestIsAnonymous() throws Exception {
        try (TestServer server = TestServer.start(TestPlugins.of().source())) {
            String first = DevSignInTest.session(signIn(server));
            String second = DevSignInTest.session(signIn(server));
            assertEquals(200, withCookie(server, first, "/api/admin/plugins").statusCode());

            HttpResponse<String> ended = server.asAdmin("DELETE", "/api/admin/sessions?person=admin", "");
            assertEquals(200, ended.statusCode(), ended.body());
            assertEquals(2, JSON.readTree(ended.body()).get("sessionsEnded").asInt());

            assertEquals(401, withCookie(server, first, "/api/admin/plugins").statusCode());
            HttpResponse<String> page = server.send(HttpRequest.newBuilder(server.uri("/admin/roles"))
                    .header("Cookie", second).header("Accept", "text/html"));
            assertEquals(302, page.statusCode());
            assertTrue(page.headers().firstValue("Location").orElseThrow().startsWith("/login"));
            assertTrue(server.vitals().audit().recent(10).stream().anyMatch(e -> e.action().equals("session.end-all")
                    && e.subject().equals("user:admin")), "ending sessions is audited");
        }
    }

    @Test
    void theRolesPageListsPeopleWithAButtonThatEndsTheirSessions() {
        try (TestServer server = TestServer.start(TestPlugins.of().source())) {
            String cookie = DevSignInTest.session(signIn(server));
            HttpResponse<String> page = server.send(HttpRequest.newBuilder(server.uri("/admin/roles"))
                    .header("Cookie", cookie).header("Accept", "text/html"));
            assertEquals(200, page.statusCode(), page.body());
            assertTrue(page.body().contains("End sessions") && page.body().contains("action=\"/admin/sessions/end\""),
                    page.body());
            String csrf = page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");

            HttpResponse<String> ended = server.send(HttpRequest.newBuilder(server.uri("/admin/sessions/end"))
                    .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf + "&person=admin")));
            assertEquals(303, ended.statusCode(), ended.body());
            assertEquals(401, withCookie(server, cookie, "/api/admin/plugins").statusCode(),
                    "the admin ended their own session");
        }
    }

    @Test
    void endingSessionsWithoutNamingThePersonIs422NamingTheField() throws Exception {
        try (TestServer server = TestServer.start(TestPlugins.of().source())) {
            HttpResponse<String> response = server.asAdmin("DELETE", "/api/admin/sessions", "");
            assertEquals(422, response.statusCode(), response.body());
            assertEquals("person", JSON.readTree(response.body()).get("errors").get(0).get("field").asText());
        }
    }

    @Test
    void endingTheSessionsOfSomeoneWhoNeverSignedInIs404AndLeavesNoAuditEntry() throws Exception {
        try (TestServer server = TestServer.start(TestPlugins.of().source())) {
            long audited = server.vitals().database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM core.audit_log").mapTo(Long.class).one());
            HttpResponse<String> response = server.asAdmin("DELETE", "/api/admin/sessions?person=nobody", "");
            assertEquals(404, response.statusCode(), response.body());
            assertEquals("person", JSON.readTree(response.body()).get("errors").get(0).get("field").asText());
            long auditedAfter = server.vitals().database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM core.audit_log").mapTo(Long.class).one());
            assertEquals(audited, auditedAfter);
        }
    }

    @Test
    void behindTheProxyAGrantOrAGroupChangeCountsFromTheNextRequest() throws Exception {
        try (TestServer server = TestServer.start(TestPlugins.of().with("guarded", GuardedPlugin::new).source(), PROXY)) {
            assertEquals(403, proxied(server, "gus", "", "POST", "/api/guarded/things", "{}").statusCode());
            HttpResponse<String> granted = proxied(server, "ada", "vitals-admins", "POST", "/api/admin/roles",
                    "{\"grantee\": \"gus\", \"kind\": \"user\", \"role\": \"editor\", \"team\": \"a\"}");
            assertEquals(201, granted.statusCode(), granted.body());
            assertEquals(201, proxied(server, "gus", "", "POST", "/api/guarded/things", "{}").statusCode());
            long id = JSON.readTree(granted.body()).get("id").asLong();
            assertEquals(200, proxied(server, "ada", "vitals-admins", "DELETE", "/api/admin/roles/" + id, "")
                    .statusCode());
            assertEquals(403, proxied(server, "gus", "", "POST", "/api/guarded/things", "{}").statusCode(),
                    "the revoked grant no longer counts");

            assertEquals(201, proxied(server, "ed", "team-a", "POST", "/api/guarded/things", "{}").statusCode());
            assertEquals(403, proxied(server, "ed", "staff", "POST", "/api/guarded/things", "{}").statusCode(),
                    "the groups are the proxy's of this request");
        }
    }

    @Test
    void aTeamTokenStopsWorkingWhenItsMakerNoLongerEditsTheTeam() throws Exception {
        try (TestServer server = TestServer.start(TestPlugins.of().with("guarded", GuardedPlugin::new).source(), PROXY)) {
            String byGroup = token(proxied(server, "ed", "team-a", "POST", "/api/admin/tokens",
                    "{\"name\": \"a-ci\", \"scopes\": [\"guarded:write\"], \"team\": \"a\"}"));
            String byAdmin = token(proxied(server, "ada", "vitals-admins", "POST", "/api/admin/tokens",
                    "{\"name\": \"a-deploys\", \"scopes\": [\"guarded:write\"], \"team\": \"a\"}"));
            assertEquals(201, withToken(server, byGroup).statusCode());

            proxied(server, "ed", "staff", "GET", "/api/guarded/things", null);
            HttpResponse<String> lapsed = withToken(server, byGroup);
            assertEquals(401, lapsed.statusCode(), lapsed.body());
            assertTrue(lapsed.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertTrue(lapsed.body().contains("made by ed, who no longer edits team a"), lapsed.body());

            proxied(server, "ed", "team-a", "GET", "/api/guarded/things", null);
            assertEquals(201, withToken(server, byGroup).statusCode(), "back in the team, the token works again");

            proxied(server, "ada", "staff", "GET", "/api/guarded/things", null);
            assertEquals(201, withToken(server, byAdmin).statusCode(), "a token an admin made outlives their rights");
        }
    }

    @Test
    void aTeamTokenMadeUnderAGrantStopsWorkingWhenTheGrantIsRevoked() throws Exception {
        try (TestServer server = TestServer.start(TestPlugins.of().with("guarded", GuardedPlugin::new).source(), PROXY)) {
            HttpResponse<String> granted = proxied(server, "ada", "vitals-admins", "POST", "/api/admin/roles",
                    "{\"grantee\": \"gus\", \"kind\": \"user\", \"role\": \"editor\", \"team\": \"b\"}");
            String token = token(proxied(server, "gus", "", "POST", "/api/admin/tokens",
                    "{\"name\": \"b-ci\", \"scopes\": [\"guarded:write\"], \"team\": \"b\"}"));
            assertEquals(201, withToken(server, token).statusCode());
            proxied(server, "ada", "vitals-admins", "DELETE", "/api/admin/roles/"
                    + JSON.readTree(granted.body()).get("id").asLong(), "");
            assertEquals(401, withToken(server, token).statusCode());
        }
    }

    private static String token(HttpResponse<String> created) throws Exception {
        assertEquals(201, created.statusCode(), created.body());
        JsonNode body = JSON.readTree(created.body());
        return body.get("token").asText();
    }

    private static HttpResponse<String> withToken(TestServer server, String token) {
        return server.send(HttpRequest.newBuilder(server.uri("/api/guarded/things"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    }

    private static HttpResponse<String> proxied(TestServer server, String user, String groups, String method,
            String path, String json) {
        return server.send(HttpRequest.newBuilder(server.uri(path)).header("X-Forwarded-User", user)
                .header("X-Forwarded-Groups", groups).header("Content-Type", "application/json")
                .method(method, json == null || json.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpResponse<String> signIn(TestServer server) {
        return server.send(HttpRequest.newBuilder(server.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .header("Origin", "http://localhost:" + server.uri("/").getPort())
                .POST(HttpRequest.BodyPublishers.ofString("token=" + TestServer.ADMIN_TOKEN + "&next=/")));
    }

    private static HttpResponse<String> withCookie(TestServer server, String cookie, String path) {
        return server.send(HttpRequest.newBuilder(server.uri(path)).header("Cookie", cookie));
    }
}
