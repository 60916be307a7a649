package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.web.openapi.DocumentedPlugin;
import dev.vitals.web.openapi.ExampleCheck;
import dev.vitals.web.security.GuardedRoutes.Rule;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/openapi.json} against the route table of a running portal with plugins: a plugin whose routes are
 * described ({@link DocumentedPlugin}) and one whose routes are not ({@link GuardedPlugin}).
 */
class ApiDescriptionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> VIEWER = Map.of("X-Forwarded-User", "vera");
    private static final Map<String, String> ADMIN = Map.of("X-Forwarded-User", "ada",
            "X-Forwarded-Groups", "vitals-admins");
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestPlugins.of().with("documented", DocumentedPlugin::new)
                .with("guarded", GuardedPlugin::new).source(),
                Map.of("VITALS_AUTH", "proxy", "VITALS_PROXY_ADDRESSES", "127.0.0.1,::1"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyApiRouteOfThePortalAndOfEveryStartedPluginIsInTheDocument() {
        Set<String> declared = new TreeSet<>();
        for (Rule rule : server.portal().routes()) {
            if (rule.path().startsWith("/api/")) {
                declared.add(rule.method().name().toLowerCase(Locale.ROOT) + " "
                        + rule.path().replaceAll("<([^>]+)>", "{$1}"));
            }
        }
        Set<String> documented = operations(document());
        assertTrue(declared.contains("delete /api/documented/notes/{id}") && declared.contains("post /api/guarded/hook")
                && declared.contains("get /api/catalog/services/{key}"), declared.toString());
        Set<String> missing = new TreeSet<>(declared);
        missing.removeAll(documented);
        assertEquals(Set.of(), missing, "declared /api routes missing from the document");
        assertEquals(declared, documented, "and nothing else: no page, no route of a stopped plugin");
    }

    @Test
    void everyApiRouteOfThePortalItselfIsDescribed() {
        Set<String> plugins = server.vitals().plugins().pluginIds();
        List<String> undescribed = server.portal().routes().stream()
                .filter(rule -> rule.path().startsWith("/api/") && !plugins.contains(rule.path().split("/")[2]))
                .filter(rule -> rule.doc().summary().isBlank())
                .map(rule -> rule.method() + " " + rule.path()).toList();
        assertEquals(List.of(), undescribed, "the portal's own routes each say what they do");
    }

    @Test
    void everyExampleInTheDocumentValidatesAgainstItsSchema() {
        ExampleCheck.Report report = ExampleCheck.of(document());
        assertTrue(report.checked() >= 10, "the host's and the documented plugin's examples: " + report.checked());
        assertEquals(List.of(), report.failures());
    }

    @Test
    void theDocumentIsValidOpenApi31() {
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document().toString());
        assertEquals(List.of(), parsed.getMessages());
        assertEquals("3.1.0", parsed.getOpenAPI().getOpenapi());
        assertTrue(parsed.getOpenAPI().getComponents().getSchemas().containsKey("Problem"));
    }

    @Test
    void aDescribedRouteHasItsSummaryParametersBodiesRoleScopeAndProblems() {
        JsonNode document = document();
        JsonNode list = document.at("/paths/~1api~1documented~1notes/get");
        assertEquals("List the notes of a service", list.path("summary").asText());
        assertEquals("Documented notes", list.path("tags").get(0).asText(), "tagged with the plugin's display name");
        assertEquals("viewer", list.path("x-vitals-role").asText());
        assertEquals("documented:read", list.path("x-vitals-scope").asText());
        assertEquals("documented:read", list.at("/security/0/bearer/0").asText());
        assertTrue(list.at("/security/1").has("session"), list.path("security").toString());
        assertEquals("service", list.at("/parameters/0/name").asText());
        assertTrue(list.at("/parameters/0/required").asBoolean());
        assertEquals("#/components/schemas/SignalStatus", list.at("/parameters/1/schema/$ref").asText());
        assertEquals("date", list.at("/parameters/2/schema/format").asText());
        assertEquals(Set.of("200", "400", "401", "403", "422"), keys(list.path("responses")));
        assertEquals("#/components/responses/Unauthorized", list.at("/responses/401/$ref").asText());

        JsonNode write = document.at("/paths/~1api~1documented~1notes/post");
        assertEquals(Set.of("200", "201", "400", "401", "403", "422"), keys(write.path("responses")));
        assertEquals("the same note again: nothing new was written", write.at("/responses/200/description").asText());
        assertEquals(write.at("/responses/201/content"), write.at("/responses/200/content"),
                "a further status answers with the main one's body");

        JsonNode delete = document.at("/paths/~1api~1documented~1notes~1{id}/delete");
        assertEquals(Set.of("204", "401", "403", "404"), keys(delete.path("responses")));
        assertEquals("editor", delete.path("x-vitals-role").asText());
        assertEquals("id", delete.at("/parameters/0/name").asText());
        assertEquals("path", delete.at("/parameters/0/in").asText());

        JsonNode export = document.at("/paths/~1api~1documented~1export/get");
        assertEquals("admin", export.path("x-vitals-role").asText());
        assertEquals("id\n7\n", export.at("/responses/200/content/text~1csv/example").asText());

        JsonNode problem = document.at("/components/responses/Forbidden/content/application~1problem+json/schema");
        assertEquals("#/components/schemas/Problem", problem.path("$ref").asText());
        assertEquals(Set.of("type", "title", "status", "detail", "instance", "errors"),
                keys(document.at("/components/schemas/Problem/properties")));
    }

    @Test
    void anUndescribedRouteIsListedWithItsMethodPathRoleAndScope() {
        JsonNode plain = document().at("/paths/~1api~1documented~1plain/get");
        assertEquals("GET /api/documented/plain", plain.path("summary").asText());
        assertEquals("viewer", plain.path("x-vitals-role").asText());
        assertEquals("documented:peek", plain.path("x-vitals-scope").asText());
        assertEquals("guarded", document().at("/paths/~1api~1guarded~1things/get/tags/0").asText(),
                "a plugin without navigation is tagged with its id");
        assertEquals("Portal", document().at("/paths/~1api~1signals/get/tags/0").asText());
    }

    @Test
    void aWebhookIsMarkedAndAsksForNoSignIn() {
        JsonNode hook = document().at("/paths/~1api~1documented~1hook/post");
        assertTrue(hook.path("x-vitals-webhook").asBoolean());
        assertEquals("[\"Documented notes\",\"webhook\"]", hook.path("tags").toString());
        assertEquals("[]", hook.path("security").toString());
        assertFalse(hook.has("x-vitals-role"));
    }

    @Test
    void schemasDescribeRecordsAsThePortalsMapperWritesThem() {
        JsonNode note = document().at("/components/schemas/Note/properties");
        assertEquals("integer", note.at("/id/type").asText());
        assertEquals("[\"OK\",\"UNKNOWN\",\"WARN\",\"CRITICAL\"]",
                document().at("/components/schemas/SignalStatus/enum").toString(), "enums by name");
        assertEquals("date-time", note.at("/written/format").asText());
        assertEquals("[\"string\",\"null\"]", note.at("/due/type").toString(), "an Optional is the value or null");
        assertEquals("date", note.at("/due/format").asText());
        assertEquals("[\"number\",\"null\"]", note.at("/cost/type").toString(), "a plain value may be null");
        assertEquals("integer", note.at("/id/type").asText(), "a primitive never is");
        assertEquals("[\"number\",\"null\"]", note.at("/score/type").toString());
        assertEquals("string", note.at("/tags/additionalProperties/type").asText());
        assertFalse(document().at("/components/schemas/Note/additionalProperties").asBoolean(true),
                "the portal's reader refuses members a record lacks");
    }

    @Test
    void disablingAPluginTakesItsPathsOutAndEnablingItBringsThemBack() {
        assertTrue(operations(document()).contains("get /api/documented/notes"));
        setEnabled("documented", false);
        try {
            Set<String> without = operations(document());
            assertFalse(without.stream().anyMatch(op -> op.contains("/api/documented/")), without.toString());
            assertTrue(without.contains("get /api/guarded/things"), "the other plugin stays");
        } finally {
            setEnabled("documented", true);
        }
        assertTrue(operations(document()).contains("get /api/documented/notes"));
    }

    @Test
    void aViewerReadsTheDocumentAndItsPageAndAnAnonymousCallerNeither() {
        HttpResponse<String> json = server.send(as(HttpRequest.newBuilder(server.uri("/api/openapi.json")), VIEWER));
        assertEquals(200, json.statusCode());
        HttpResponse<String> page = server.send(as(HttpRequest.newBuilder(server.uri("/api/docs")), VIEWER));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("swagger-ui-bundle.js") && page.body().contains("/static/api-docs.js"));
        assertEquals(200, server.anonymousGet(path(page.body(), "swagger-ui-bundle.js")).statusCode(),
                "the webjar's files are served, at the version bundled");
        assertEquals(401, server.anonymousGet("/api/openapi.json").statusCode());
        assertEquals(401, server.anonymousGet("/api/docs").statusCode());
        HttpResponse<String> browser = server.send(HttpRequest.newBuilder(server.uri("/api/docs"))
                .header("Accept", "text/html,application/xhtml+xml"));
        assertEquals(302, browser.statusCode(), "a browser is sent to sign in, as for every other page");
        assertEquals("/login?next=%2Fapi%2Fdocs", browser.headers().firstValue("Location").orElseThrow());
    }

    private static String path(String html, String file) {
        int end = html.indexOf(file) + file.length();
        return html.substring(html.lastIndexOf('"', end - 1) + 1, end);
    }

    private static JsonNode document() {
        HttpResponse<String> response = server.send(as(HttpRequest.newBuilder(server.uri("/api/openapi.json")), ADMIN));
        assertEquals(200, response.statusCode(), response.body());
        try {
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Set<String> operations(JsonNode document) {
        Set<String> operations = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> operations.add(method + " " + path.getKey())));
        return operations;
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            keys.add(names.next());
        }
        return keys;
    }

    private static void setEnabled(String plugin, boolean enabled) {
        HttpResponse<String> response = server.send(as(HttpRequest.newBuilder(server.uri("/api/admin/plugins/"
                + plugin)).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                "{\"enabled\": " + enabled + "}")), ADMIN));
        assertEquals(200, response.statusCode(), response.body());
    }

    private static HttpRequest.Builder as(HttpRequest.Builder request, Map<String, String> headers) {
        headers.forEach(request::header);
        return request;
    }
}
