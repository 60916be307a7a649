package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.core.pluginhost.HostedPlugin;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.plugins.cost.CostPlugin;
import dev.vitals.plugins.deploys.DeploysPlugin;
import dev.vitals.plugins.example.ExamplePlugin;
import dev.vitals.plugins.graph.GraphPlugin;
import dev.vitals.plugins.priorities.PrioritiesPlugin;
import dev.vitals.plugins.slo.SloPlugin;
import dev.vitals.web.openapi.ExampleCheck;
import dev.vitals.web.security.GuardedRoutes.Rule;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API description of the whole product: with the real plugins started, every API route and webhook they serve is
 * in {@code /api/openapi.json}, described or not, and every example the document shows validates against its schema.
 */
class PluginApiDescriptionTest {

    private static final Set<String> PLUGINS = Set.of("slo", "deploys", "example", "cost", "graph", "priorities");
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestPlugins.of().with("slo", SloPlugin::new).with("deploys", DeploysPlugin::new)
                .with("example", ExamplePlugin::new).with("cost", CostPlugin::new)
                .with("graph", GraphPlugin::new).with("priorities", PrioritiesPlugin::new).source(),
                Map.of("VITALS_AUTH", "proxy", "VITALS_PROXY_ADDRESSES", "127.0.0.1,::1"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyRouteOfTheRealPluginsIsDescribedAndEveryExampleValidates() throws Exception {
        for (String id : PLUGINS) {
            assertTrue(server.vitals().plugins().plugin(id).map(HostedPlugin::isStarted).orElse(false), id);
        }
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/api/openapi.json"))
                .header("X-Forwarded-User", "ada").header("X-Forwarded-Groups", "vitals-admins"));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode document = new ObjectMapper().readTree(response.body());

        Set<String> pluginRoutes = new TreeSet<>();
        for (Rule rule : server.portal().routes()) {
            String[] segments = rule.path().split("/");
            if (rule.path().startsWith("/api/") && segments.length > 2 && PLUGINS.contains(segments[2])) {
                pluginRoutes.add(rule.method().name().toLowerCase(Locale.ROOT) + " "
                        + rule.path().replaceAll("<([^>]+)>", "{$1}"));
            }
        }
        assertTrue(pluginRoutes.size() > 20, "the routes of slo, deploys, example and cost: " + pluginRoutes);
        Set<String> missing = new TreeSet<>();
        for (String route : pluginRoutes) {
            String[] methodAndPath = route.split(" ", 2);
            if (!document.path("paths").path(methodAndPath[1]).has(methodAndPath[0])) {
                missing.add(route);
            }
        }
        assertEquals(Set.of(), missing, "plugin routes missing from the API description");

        ExampleCheck.Report examples = ExampleCheck.of(document);
        assertTrue(examples.checked() > 0, "the portal's own examples at least");
        assertEquals(List.of(), examples.failures());
    }
}
