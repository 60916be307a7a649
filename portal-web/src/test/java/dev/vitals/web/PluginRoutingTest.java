package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.api.ApiRoute;
import dev.vitals.api.Page;
import dev.vitals.api.PageRoute;
import dev.vitals.api.PluginContext;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.VitalsPlugin;
import dev.vitals.core.testing.TestPlugins;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A plugin's routes are those of its current running plugin: known once it is created, gone when it stops, different
 * after a new start if the plugin declares others; each still checked against its role, path parameters decoded as
 * Javalin decodes them.
 */
class PluginRoutingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;

    /** Serves {@code /first} when first created, {@code /second} after, and on the third start a route twice. */
    static final class Changing implements VitalsPlugin {
        private final AtomicInteger creations = new AtomicInteger();

        @Override
        public RunningPlugin create(PluginContext context) {
            int creation = creations.incrementAndGet();
            String path = creation == 1 ? "/first" : "/second";
            List<ApiRoute> routes = creation < 3 ? List.of(ApiRoute.get(path, ctx -> ctx.result(path)))
                    : List.of(ApiRoute.get("/third/{id}", ctx -> ctx.result("third")),
                            ApiRoute.get("/third/{key}", ctx -> ctx.result("again")));
            return new RunningPlugin() {
                @Override
                public List<ApiRoute> apiRoutes() {
                    return routes;
                }

                @Override
                public List<PageRoute> pages() {
                    return List.of(PageRoute.of(path, ctx -> new Page("Page " + path,
                            output -> output.writeContent("<p>page " + path + "</p>"))));
                }
            };
        }
    }

    /** Answers with the path parameters it was given. */
    static VitalsPlugin echo() {
        return context -> new RunningPlugin() {
            @Override
            public List<ApiRoute> apiRoutes() {
                return List.of(ApiRoute.get("/names/{name}", ctx -> ctx.json(Map.of("name", ctx.pathParam("name")))),
                        ApiRoute.get("/files/<path>", ctx -> ctx.json(Map.of("path", ctx.pathParam("path")))),
                        ApiRoute.get("/numbers/{n}", ctx -> ctx.json(Map.of("next",
                                ctx.pathParamAsClass("n", Integer.class).get() + 1))),
                        ApiRoute.get("/pairs/{left}/{right}", ctx -> ctx.json(ctx.pathParamMap())));
            }

            @Override
            public List<PageRoute> pages() {
                return List.of(PageRoute.of("/notes/{id}", ctx -> new Page("Note " + ctx.pathParam("id"),
                                output -> output.writeUserContent("note " + ctx.pathParam("id")))),
                        PageRoute.form("/notes/{id}", ctx -> Page.seeOther(ctx, "/p/echo/notes/"
                                + ctx.pathParam("id"))));
            }
        };
    }

    /** Plugin id "signals", whose root route would be the portal's own {@code GET /api/signals}. */
    static VitalsPlugin takesPortalPath() {
        return context -> new RunningPlugin() {
            @Override
            public List<ApiRoute> apiRoutes() {
                return List.of(ApiRoute.get("/", ctx -> ctx.result("mine")));
            }
        };
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(TestPlugins.of().with("changing", Changing::new).with("echo", PluginRoutingTest::echo)
                .with("guarded", GuardedPlugin::new).with("other", GuardedPlugin::new)
                .with("signals", PluginRoutingTest::takesPortalPath).source());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aPluginEnabledAgainWithOtherRoutesServesTheNewOnesAndNoLongerTheOld() {
        assertEquals("/first", server.get("/api/changing/first").body());
        assertEquals(404, server.get("/api/changing/second").statusCode());

        setEnabled("changing", false);
        setEnabled("changing", true);

        assertEquals("/second", server.get("/api/changing/second").body());
        assertEquals(404, server.get("/api/changing/first").statusCode());
        assertTrue(server.getPage("/p/changing/second").body().contains("<p>page /second</p>"));
        assertEquals(404, server.getPage("/p/changing/first").statusCode());
        assertTrue(names(server.portal().routes()).contains("GET /api/changing/second"));
        assertFalse(names(server.portal().routes()).contains("GET /api/changing/first"));

        setEnabled("changing", false);
        HttpResponse<String> third = setEnabled("changing", true);
        assertTrue(third.body().contains("its routes cannot be mounted: route GET /api/changing/third/{key} is "
                + "declared twice"), third.body());
        assertEquals(404, server.get("/api/changing/third/1").statusCode(), "a plugin is served whole or not at all");
        assertEquals(404, server.get("/api/changing/second").statusCode());
        assertEquals(200, server.get("/api/echo/names/still").statusCode(), "the other plugins serve on");
    }

    @Test
    void aRouteOfADisabledPluginAnswers404AndIsNoLongerInTheRouteTable() {
        assertEquals(200, server.get("/api/other/things").statusCode());

        setEnabled("other", false);
        try {
            HttpResponse<String> gone = server.get("/api/other/things");
            assertEquals(404, gone.statusCode(), gone.body());
            assertTrue(gone.body().contains("plugin other is disabled"), gone.body());
            assertEquals(404, server.getPage("/p/other/").statusCode());
            assertFalse(names(server.portal().routes()).contains("GET /api/other/things"));
            HttpResponse<String> hook = server.send(HttpRequest.newBuilder(server.uri("/api/other/hook"))
                    .header("X-Test-Signature", "good").POST(HttpRequest.BodyPublishers.noBody()));
            assertEquals(401, hook.statusCode(), "a stopped plugin's webhook lets no one in: " + hook.body());
        } finally {
            setEnabled("other", true);
        }
        assertEquals(200, server.get("/api/other/things").statusCode());
    }

    @Test
    void pathParametersReachTheHandlerDecodedAsJavalinDecodesTheHostsOwn() {
        assertEquals("a b", field(server.get("/api/echo/names/a%20b"), "name"));
        assertEquals("café", field(server.get("/api/echo/names/caf%C3%A9"), "name"));
        assertEquals("a+b", field(server.get("/api/echo/names/a+b"), "name"));
        assertEquals("dir/sub/file.txt", field(server.get("/api/echo/files/dir/sub/file.txt"), "path"));
        HttpResponse<String> hostsOwn = server.get("/api/catalog/services/a%20b");
        assertTrue(hostsOwn.body().contains("'a b'"), "the portal's own route decodes the same way: "
                + hostsOwn.body());

        assertEquals("a/b", field(server.get("/api/echo/names/a%2Fb"), "name"));
        HttpResponse<String> encodedSlashOfTheHost = server.get("/api/catalog/services/a%2Fb");
        assertTrue(encodedSlashOfTheHost.body().contains("'a/b'"), encodedSlashOfTheHost.body());

        assertEquals(42, json(server.get("/api/echo/numbers/41")).get("next").asInt(), "pathParamAsClass works");
        HttpResponse<String> notANumber = server.get("/api/echo/numbers/forty");
        assertEquals(400, notANumber.statusCode(), notANumber.body());
        assertTrue(notANumber.body().contains("\"n\""), "the problem names the parameter: " + notANumber.body());
        JsonNode pair = json(server.get("/api/echo/pairs/x/y"));
        assertEquals("x", pair.get("left").asText());
        assertEquals("y", pair.get("right").asText());
    }

    @Test
    void aPageAndItsFormAreServedWithTheirPathParameters() {
        HttpResponse<String> page = server.getPage("/p/echo/notes/n%201");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("note n 1"), page.body());
        assertTrue(page.body().contains("<title>Note n 1 · Vitals</title>"), "wrapped in the layout: " + page.body());

        HttpResponse<String> submitted = server.send(TestServer.asAdmin(HttpRequest.newBuilder(
                server.uri("/p/echo/notes/7"))).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("text=hello")));
        assertEquals(303, submitted.statusCode(), submitted.body());
        assertEquals("/p/echo/notes/7", submitted.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void aPathThePluginDoesNotServeOrServesWithAnotherMethodAnswers404() {
        assertEquals(404, server.get("/api/echo/nothing-here").statusCode());
        assertEquals(404, server.get("/api/echo").statusCode());
        HttpResponse<String> otherMethod = server.asAdmin("DELETE", "/api/echo/names/x", "");
        assertEquals(404, otherMethod.statusCode(), "as the portal's own routes answer: " + otherMethod.body());
    }

    @Test
    void aPluginWhoseIdThePortalUsesIsFailedAndTheOthersServe() {
        JsonNode signals = json(server.get("/api/admin/plugins/signals"));
        assertEquals("FAILED", signals.get("state").asText());
        assertTrue(signals.get("reason").asText().contains("plugin id 'signals' is taken: the portal serves "
                + "/api/signals itself"), signals.toString());
        HttpResponse<String> portalsOwn = server.get("/api/signals?subject=component:default/anything");
        assertEquals(200, portalsOwn.statusCode(), portalsOwn.body());
        assertFalse(portalsOwn.body().contains("mine"));
        assertEquals(200, server.get("/api/guarded/things").statusCode());
        assertEquals(200, server.get("/api/other/things").statusCode(),
                "two plugins declaring the same routes serve each under its own id");
    }

    @Test
    void aStartedPluginsWebhookIsReachedWithoutSignInWhileItsOtherRoutesAnswer401() {
        HttpResponse<String> hook = server.send(HttpRequest.newBuilder(server.uri("/api/guarded/hook"))
                .header("X-Test-Signature", "good").POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, hook.statusCode(), hook.body());
        HttpResponse<String> unsigned = server.send(HttpRequest.newBuilder(server.uri("/api/guarded/hook"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(401, unsigned.statusCode(), "the plugin checks the sender itself: " + unsigned.body());

        assertEquals(401, server.anonymousGet("/api/guarded/things").statusCode());
        HttpResponse<String> anonymousPost = server.send(HttpRequest.newBuilder(server.uri("/api/guarded/things"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(401, anonymousPost.statusCode(), anonymousPost.body());
        assertEquals(401, server.anonymousGet("/api/guarded/no-such-route").statusCode(),
                "an anonymous caller learns nothing of which routes exist");
    }

    @Test
    void requestMetricsNameThePluginRouteNotTheRawPath() {
        assertEquals(200, server.get("/api/echo/names/metric-sample").statusCode());

        String metrics = server.anonymousGet("/metrics").body();

        assertTrue(metrics.contains("uri=\"/api/echo/names/{name}\""), metrics);
        assertFalse(metrics.contains("metric-sample"), "no time series per path parameter");
    }

    private static HttpResponse<String> setEnabled(String plugin, boolean enabled) {
        HttpResponse<String> response = server.asAdmin("PUT", "/api/admin/plugins/" + plugin,
                "{\"enabled\": " + enabled + "}");
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }

    private static List<String> names(List<dev.vitals.web.security.GuardedRoutes.Rule> rules) {
        return rules.stream().map(r -> r.method() + " " + r.path()).toList();
    }

    private static String field(HttpResponse<String> response, String name) {
        assertEquals(200, response.statusCode(), response.body());
        return json(response).get(name).asText();
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(response.body(), e);
        }
    }
}
