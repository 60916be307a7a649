package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.core.testing.TestPlugins;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Admins choose the hosts catalog sources may reach; what sources may read and say stays within bounds. */
class CatalogSourceAdminTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestPlugins.of().source());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<String> fields(HttpResponse<String> problem) throws Exception {
        assertEquals(422, problem.statusCode(), problem.body());
        assertEquals("application/problem+json", problem.headers().firstValue("Content-Type").orElseThrow());
        List<String> fields = new java.util.ArrayList<>();
        JSON.readTree(problem.body()).get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    @Test
    void anAdminSetsTheAllowedHostsThroughTheApiAndTheChangeIsAudited() throws Exception {
        HttpResponse<String> put = server.asAdmin("PUT", "/api/admin/catalog/allowed-hosts",
                "{\"hosts\": [\"Git.Example.com\", \"raw.githubusercontent.com\"]}");

        assertEquals(200, put.statusCode(), put.body());
        JsonNode listed = JSON.readTree(server.get("/api/admin/catalog/allowed-hosts").body());
        assertEquals("[\"git.example.com\",\"raw.githubusercontent.com\"]", listed.get("hosts").toString());
        assertTrue(server.vitals().audit().recent(5).stream().anyMatch(e -> e.action().equals("catalog.allowed-hosts")
                && e.actor().equals("admin")));
    }

    @Test
    void aListWithAnythingButHostNamesIsRefusedNamingEachEntry() throws Exception {
        assertEquals(List.of("hosts[1]", "hosts[2]"), fields(server.asAdmin("PUT", "/api/admin/catalog/allowed-hosts",
                "{\"hosts\": [\"ok.example\", \"https://evil.example/\", \"evil.example:22\"]}")));
        assertEquals(List.of("hosts"), fields(server.asAdmin("PUT", "/api/admin/catalog/allowed-hosts", "{}")));
        assertEquals(List.of("hosts"), fields(server.asAdmin("PUT", "/api/admin/catalog/allowed-hosts",
                "{\"hosts\": [1]}")));
    }

    @Test
    void onlyAdminsSeeOrSetTheAllowedHosts() throws Exception {
        assertEquals(401, server.anonymousGet("/api/admin/catalog/allowed-hosts").statusCode());
        JsonNode reader = JSON.readTree(server.asAdmin("POST", "/api/admin/tokens",
                "{\"name\": \"reader\", \"scopes\": [\"catalog:read\", \"catalog:write\"]}").body());
        assertEquals(403, server.send(HttpRequest.newBuilder(server.uri("/api/admin/catalog/allowed-hosts"))
                .header("Authorization", "Bearer " + reader.get("token").asText()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"hosts\": [\"evil.example\"]}"))).statusCode());
    }

    @Test
    void theAdminPageListsAndSavesTheAllowedHosts() {
        HttpResponse<String> saved = server.send(TestServer.asAdmin(HttpRequest.newBuilder(
                        server.uri("/admin/catalog/allowed-hosts")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("hosts=page-one.example%0D%0Apage-two.example")));

        assertEquals(303, saved.statusCode(), saved.body());
        String page = server.getPage("/admin/catalog").body();
        assertTrue(page.contains("page-one.example\npage-two.example</textarea>"), page);
    }

    @Test
    void aSourceThatIsNotAFolderYamlFileOrHttpUrlIsRefusedNamingTheLocation() throws Exception {
        for (String location : List.of("file:///etc/passwd", "/etc/passwd", "gopher://localhost/x")) {
            assertEquals(List.of("location"), fields(server.asAdmin("POST", "/api/catalog/sources",
                    "{\"location\": \"" + location + "\"}")), location);
        }
    }

    @Test
    void anImportErrorNamesTheLineButNotTheText() throws Exception {
        HttpResponse<String> refused = server.send(TestServer.asAdmin(HttpRequest.newBuilder(
                        server.uri("/api/catalog/import?source=leaky")))
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        apiVersion: backstage.io/v1alpha1
                        kind: Component
                        metadata:
                          name: leaky
                          annotations: {token: s3cret-value}
                         broken: s3cret-value: here
                        """)));

        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("at line 6"), refused.body());
        assertFalse(refused.body().contains("s3cret"), refused.body());
    }
}
