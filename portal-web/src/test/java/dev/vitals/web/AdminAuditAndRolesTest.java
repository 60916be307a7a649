package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.core.testing.TestPlugins;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AdminAuditAndRolesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RAW_INSTANT = Pattern.compile(">\\s*\\d{4}-\\d\\d-\\d\\dT[^<]*Z\\s*<");
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestPlugins.of().with("guarded", GuardedPlugin::new).source(),
                Map.of("VITALS_AUTH", "proxy", "VITALS_PROXY_ADDRESSES", "127.0.0.1,::1"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anAdminGrantsARoleThatTakesEffectAndRevokesIt() throws Exception {
        assertEquals(403, as("carol", "", "POST", "/api/guarded/things", "{}").statusCode());
        HttpResponse<String> granted = as("ada", "vitals-admins", "POST", "/api/admin/roles",
                "{\"grantee\": \"carol\", \"kind\": \"user\", \"role\": \"editor\", \"team\": \"a\"}");
        assertEquals(201, granted.statusCode(), granted.body());
        assertEquals(201, as("carol", "", "POST", "/api/guarded/things", "{}").statusCode());
        long id = JSON.readTree(granted.body()).get("id").asLong();
        assertEquals(200, as("ada", "vitals-admins", "DELETE", "/api/admin/roles/" + id, "").statusCode());
        assertEquals(403, as("carol", "", "POST", "/api/guarded/things", "{}").statusCode());
    }

    @Test
    void anEditorGrantWithoutATeamIs422() throws Exception {
        HttpResponse<String> response = as("ada", "vitals-admins", "POST", "/api/admin/roles",
                "{\"grantee\": \"dan\", \"kind\": \"user\", \"role\": \"editor\"}");
        assertEquals(422, response.statusCode());
        assertEquals("team", JSON.readTree(response.body()).get("errors").get(0).get("field").asText());
    }

    @Test
    void theAuditLogSaysWhoChangedWhatFromWhereAndFilters() throws Exception {
        as("ada", "vitals-admins", "POST", "/api/admin/roles",
                "{\"grantee\": \"sre\", \"kind\": \"group\", \"role\": \"admin\"}");
        as("ada", "vitals-admins", "PUT", "/api/admin/plugins/guarded", "{\"enabled\": true}");
        JsonNode entries = JSON.readTree(as("ada", "vitals-admins", "GET", "/api/admin/audit?action=role.&subject=sre",
                "").body()).get("entries");
        assertEquals(1, entries.size(), entries.toString());
        JsonNode entry = entries.get(0);
        assertEquals("ada", entry.get("actor").asText());
        assertEquals("role.grant", entry.get("action").asText());
        assertEquals("group:sre", entry.get("subject").asText());
        assertTrue(entry.get("after").asText().contains("\"admin\""), entry.toString());
        assertFalse(entry.get("sourceAddress").asText().isEmpty());
    }

    @Test
    void theAuditLogExportsAsCsvAndShowsAsAPage() {
        as("ada", "vitals-admins", "POST", "/api/admin/roles",
                "{\"grantee\": \"=cmd\", \"kind\": \"group\", \"role\": \"admin\"}");
        HttpResponse<String> csv = as("ada", "vitals-admins", "GET", "/api/admin/audit?format=csv&actor=ada", "");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        assertTrue(csv.body().startsWith("id,at,actor,action,subject,before,after,source_address\r\n"), csv.body());
        assertTrue(csv.body().contains("\"'group:=cmd\"") || csv.body().contains("\"group:=cmd\""), csv.body());
        HttpResponse<String> page = server.send(HttpRequest.newBuilder(server.uri("/admin/audit?actor=ada"))
                .header("X-Forwarded-User", "ada").header("X-Forwarded-Groups", "vitals-admins")
                .header("Accept", "text/html"));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("role.grant") && page.body().contains("Download CSV"), page.body());
        assertTimesAreForPeople(page);
        assertTimesAreForPeople(server.send(HttpRequest.newBuilder(server.uri("/admin/roles"))
                .header("X-Forwarded-User", "ada").header("X-Forwarded-Groups", "vitals-admins")
                .header("Accept", "text/html")));
        assertEquals(403, as("vera", "", "GET", "/api/admin/audit", "").statusCode());
    }

    /** Times read as a date and clock time in the organisation's zone, never as a raw instant. */
    private static void assertTimesAreForPeople(HttpResponse<String> page) {
        assertTrue(page.body().contains("<time datetime=\""), page.body());
        assertFalse(RAW_INSTANT.matcher(page.body()).find(), "a raw instant is shown: " + page.body());
    }

    private static HttpResponse<String> as(String user, String groups, String method, String path, String body) {
        return server.send(HttpRequest.newBuilder(server.uri(path)).header("X-Forwarded-User", user)
                .header("X-Forwarded-Groups", groups).header("Content-Type", "application/json")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)));
    }
}
