package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.api.ApiRoute;
import dev.vitals.api.NavEntry;
import dev.vitals.api.Page;
import dev.vitals.api.PageRoute;
import dev.vitals.api.PluginContext;
import dev.vitals.api.Role;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.VitalsPlugin;
import dev.vitals.core.testing.TestPlugins;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PortalHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;

    /** Echoes a JSON body back, so the host's body handling can be seen from outside. */
    static final class Echo implements VitalsPlugin {
        record Body(String text) {
        }

        @Override
        public RunningPlugin create(PluginContext context) {
            return new RunningPlugin() {
                @Override
                public List<ApiRoute> apiRoutes() {
                    return List.of(
                            ApiRoute.post("/echo", ctx -> ctx.json(ctx.bodyAsClass(Body.class))).requiring(Role.VIEWER),
                            ApiRoute.get("/boom", ctx -> {
                                throw new IllegalStateException("bug in calm");
                            }),
                            ApiRoute.get("/admin-only", ctx -> ctx.result("secret")).requiring(Role.ADMIN));
                }

                @Override
                public List<PageRoute> pages() {
                    return List.of(PageRoute.of("/", ctx -> new Page("Calm page",
                                    output -> output.writeContent("<p>calm body</p>"))),
                            PageRoute.of("/things/{id}", ctx -> {
                                throw dev.vitals.api.ProblemException.notFound("there is no thing "
                                        + ctx.pathParam("id"));
                            }));
                }

                @Override
                public List<NavEntry> navigation() {
                    return List.of(new NavEntry("Calm", "/"));
                }
            };
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(TestPlugins.of().with("calm", Echo::new).source(),
                Map.of("VITALS_MAX_REQUEST_BYTES", "2048"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void healthListsEveryPluginWithItsState() throws Exception {
        HttpResponse<String> health = server.anonymousGet("/api/health");
        assertEquals(200, health.statusCode());
        JsonNode body = JSON.readTree(health.body());
        assertEquals("UP", body.get("status").asText());
        assertEquals("calm", body.get("plugins").get(0).get("id").asText());
        assertEquals("STARTED", body.get("plugins").get(0).get("state").asText());
        assertEquals(200, server.anonymousGet("/health/live").statusCode());
        assertEquals(200, server.anonymousGet("/health/ready").statusCode());
    }

    @Test
    void anUnknownApiRouteIsA404Problem() throws Exception {
        HttpResponse<String> response = server.get("/api/nothing/here");
        assertProblem(response, 404, "Not Found");
    }

    @Test
    void anUnknownPageIsA404PageThatSaysWhatToDo() {
        HttpResponse<String> response = server.getPage("/no/such/page");
        assertEquals(404, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(response.body().contains("start again from the home page"), response.body());
    }

    @Test
    void malformedJsonIsA400NamingThePosition() throws Exception {
        HttpResponse<String> response = server.send(TestServer.asAdmin(HttpRequest.newBuilder(server.uri("/api/calm/echo")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"unterminated")));
        JsonNode problem = assertProblem(response, 400, "Bad Request");
        assertTrue(problem.get("detail").asText().contains("line 1, column"), problem.toString());
    }

    @Test
    void aBodyOfTheWrongShapeIs422NamingTheField() throws Exception {
        HttpResponse<String> response = server.send(TestServer.asAdmin(HttpRequest.newBuilder(server.uri("/api/calm/echo")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"ok\", \"colour\": \"red\"}")));
        JsonNode problem = assertProblem(response, 422, "Unprocessable Content");
        assertEquals("colour", problem.get("errors").get(0).get("field").asText());
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        String big = "{\"text\": \"" + "x".repeat(4096) + "\"}";
        HttpResponse<String> response = server.send(TestServer.asAdmin(HttpRequest.newBuilder(server.uri("/api/calm/echo")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(big)));
        assertProblem(response, 413, "Content Too Large");
    }

    @Test
    void aValidBodyReachesThePlugin() throws Exception {
        HttpResponse<String> response = server.send(TestServer.asAdmin(HttpRequest.newBuilder(server.uri("/api/calm/echo")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"hello\"}")));
        assertEquals(200, response.statusCode());
        assertEquals("hello", JSON.readTree(response.body()).get("text").asText());
    }

    @Test
    void aPluginBugIsA500ProblemRecordedAgainstThePluginAndThePortalServesOn() throws Exception {
        assertProblem(server.get("/api/calm/boom"), 500, "Server Error");
        assertEquals("route GET /api/calm/boom",
                server.vitals().plugins().plugin("calm").orElseThrow().status().lastError().orElseThrow().during());
        assertEquals(200, server.get("/api/health").statusCode());
    }

    @Test
    void adminRoutesRefuseAnonymousCallersWith401AndBadTokensWith401() throws Exception {
        assertProblem(server.anonymousGet("/api/admin/plugins"), 401, "Unauthorized");
        assertProblem(server.anonymousGet("/api/calm/admin-only"), 401, "Unauthorized");
        HttpResponse<String> wrongToken = server.send(HttpRequest.newBuilder(server.uri("/api/admin/plugins"))
                .header("Authorization", "Bearer not-the-token"));
        assertProblem(wrongToken, 401, "Unauthorized");
        assertEquals(200, server.asAdmin("GET", "/api/admin/plugins", "").statusCode());
    }

    @Test
    void enablingNeedsTheEnabledField() throws Exception {
        JsonNode problem = assertProblem(server.asAdmin("PUT", "/api/admin/plugins/calm", "{}"), 422,
                "Unprocessable Content");
        assertEquals("enabled", problem.get("errors").get(0).get("field").asText());
        assertProblem(server.asAdmin("PUT", "/api/admin/plugins/nope", "{\"enabled\": false}"), 404, "Not Found");
    }

    @Test
    void aDisabledPluginsRoutesPagesAndNavigationDisappearAndComeBack() throws Exception {
        assertTrue(server.getPage("/").body().contains("href=\"/p/calm/\""));
        assertEquals(200, server.getPage("/p/calm/").statusCode());

        HttpResponse<String> disabled = server.asAdmin("PUT", "/api/admin/plugins/calm", "{\"enabled\": false}");
        assertEquals(200, disabled.statusCode());
        assertEquals("DISABLED", JSON.readTree(disabled.body()).get("state").asText());
        try {
            assertProblem(server.get("/api/calm/boom"), 404, "Not Found");
            assertEquals(404, server.getPage("/p/calm/").statusCode());
            assertFalse(server.getPage("/").body().contains("href=\"/p/calm/\""));
        } finally {
            assertEquals(200, server.asAdmin("PUT", "/api/admin/plugins/calm", "{\"enabled\": true}").statusCode());
        }
        HttpResponse<String> page = server.getPage("/p/calm/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<p>calm body</p>") && page.body().contains("<title>Calm page · Vitals</title>"));
    }

    @Test
    void aPluginPageNamingSomethingUnknownIsA404PageNotAPluginError() {
        HttpResponse<String> page = server.getPage("/p/calm/things/42");
        assertEquals(404, page.statusCode());
        assertTrue(page.body().contains("there is no thing 42"), page.body());
        assertTrue(server.vitals().plugins().plugin("calm").orElseThrow().status().lastError().stream()
                .noneMatch(e -> e.during().contains("things")), "a client error is not recorded against the plugin");
    }

    @Test
    void pagesCarrySecurityHeaders() {
        HttpResponse<String> page = server.getPage("/");
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("object-src 'none'") && csp.contains("base-uri 'none'")
                && csp.contains("frame-ancestors 'none'"), csp);
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
    }

    @Test
    void metricsAreInPrometheusTextFormat() {
        server.get("/api/health");
        HttpResponse<String> metrics = server.anonymousGet("/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("jvm_memory_used_bytes"));
        assertTrue(metrics.body().contains("hikaricp_connections_max{pool=\"vitals-calm\"}"), "plugin pool metrics");
        assertTrue(metrics.body().contains("http_server_requests_seconds_count{method=\"GET\",status=\"200\",uri=\"/api/health\"}"));
    }

    @Test
    void theIconAnswersAnyoneSignedInOrNotAndEveryPageLinksIt() {
        HttpResponse<String> ico = server.anonymousGet("/favicon.ico");
        assertEquals(301, ico.statusCode(), ico.body());
        assertEquals("/static/favicon.svg", ico.headers().firstValue("Location").orElseThrow());

        HttpResponse<String> svg = server.anonymousGet("/static/favicon.svg");
        assertEquals(200, svg.statusCode());
        assertTrue(svg.headers().firstValue("Content-Type").orElseThrow().startsWith("image/svg+xml"),
                svg.headers().toString());
        assertTrue(svg.body().startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg.body());

        String link = "<link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\">";
        assertTrue(server.anonymousPage("/login").body().contains(link), "the sign-in page");
        assertTrue(server.getPage("/").body().contains(link), "the home page");
        assertTrue(server.getPage("/p/calm/").body().contains(link), "a plugin's page");
    }

    private static JsonNode assertProblem(HttpResponse<String> response, int status, String title) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        JsonNode problem = JSON.readTree(response.body());
        assertEquals(status, problem.get("status").asInt());
        assertEquals(title, problem.get("title").asText());
        return problem;
    }
}
