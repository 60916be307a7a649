package dev.vitals.web.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.plugins.graph.GraphPlugin;
import dev.vitals.web.BrowserPortal;
import dev.vitals.web.browser.PageProblems;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dependency map drawn by ECharts in headless Chromium under the portal's content security policy: it draws
 * exactly the nodes, groups and edges its list names, with no policy violation or script error, on a focused map, on
 * a grouped one and expanded, and as the stakeholder drawing of a program page. The catalog: shop (web) → pay
 * (payments) → db-proxy (ops) ← ledger (payments); program checkout names web and payments. The map's budget is 3
 * nodes, so the whole graph's 4 are grouped by team.
 */
class GraphMapBrowserTest {

    private static final Map<String, String> ADA = Map.of("X-Forwarded-User", "ada", "X-Forwarded-Groups",
            "vitals-admins");
    @RegisterExtension
    static final BrowserPortal PORTAL = BrowserPortal.behindProxy(TestPlugins.of().with("graph", GraphPlugin::new)
            .source(), Map.of("VITALS_GRAPH_MAP_BUDGET", "3"));

    @BeforeAll
    static void seed() throws Exception {
        StringBuilder yaml = new StringBuilder();
        for (String team : new String[] {"web", "payments", "ops"}) {
            yaml.append("""
                    apiVersion: backstage.io/v1alpha1
                    kind: Group
                    metadata: {name: %s}
                    spec: {type: team, children: []}
                    ---
                    """.formatted(team));
        }
        for (String[] service : new String[][] {{"shop", "web", "[pay]"}, {"pay", "payments", "[db-proxy]"},
                {"ledger", "payments", "[db-proxy]"}, {"db-proxy", "ops", "[]"}}) {
            yaml.append("""
                    apiVersion: backstage.io/v1alpha1
                    kind: Component
                    metadata: {name: %s}
                    spec: {type: service, lifecycle: production, owner: %s, dependsOn: %s}
                    ---
                    """.formatted(service[0], service[1], service[2]));
        }
        yaml.append("""
                apiVersion: vitals.dev/v1
                kind: Program
                metadata: {name: checkout}
                spec:
                  owner: web
                  outcome: Checkout never fails
                  stakeholders:
                  - {team: web, role: Sponsor}
                  - {team: payments, role: Engineering}
                """);
        HttpRequest.Builder request = HttpRequest.newBuilder(PORTAL.server().uri("/api/catalog/import?source=graph"))
                .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofString(yaml.toString()));
        ADA.forEach(request::header);
        HttpResponse<String> imported = PORTAL.server().send(request);
        assertTrue(imported.statusCode() < 300, imported.body());
        // The graph is rebuilt beside the reads; the pages below must see the imported catalog.
        for (int i = 0; i < 400; i++) {
            HttpRequest.Builder status = HttpRequest.newBuilder(PORTAL.server().uri("/api/graph/status"));
            ADA.forEach(status::header);
            JsonNode answer = new ObjectMapper().readTree(PORTAL.server().send(status).body());
            if (answer.path("fresh").asBoolean() && answer.path("nodes").asInt() > 5) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("the graph never read the imported catalog");
    }

    @Test
    void aFocusedMapDrawsTheNodesAndEdgesItsListNamesWithoutAPolicyViolation() {
        Page page = PORTAL.browser().newContext(ADA).newPage();
        PageProblems problems = PageProblems.watch(page);
        page.navigate(PORTAL.server().uri("/p/graph/map?focus=component:pay&depth=2").toString());
        page.waitForSelector("#graph-map[data-drawn-nodes]");

        assertEquals("3", page.getAttribute("#graph-map", "data-drawn-nodes"));
        assertEquals("2", page.getAttribute("#graph-map", "data-drawn-edges"));
        assertEquals(3, page.locator("table.graph-map-nodes tbody tr").count());
        assertEquals(2, page.locator("table.graph-map-edges tbody tr").count());
        assertTrue(((Number) page.evaluate("() => document.querySelector('#graph-map canvas').width")).intValue() > 0);
        assertTrue(page.locator("#graph-map-status").innerText().startsWith("Drawn: 3 nodes, 0 groups and 2 edges"));

        page.selectOption("#graph-map-colour", "health");
        assertEquals("health", page.getAttribute("#graph-map", "data-colour"));
        assertTrue(page.locator("#graph-map-legend").innerText().contains("no signal"));
        problems.assertNone(page.url());
    }

    @Test
    void theWholeGraphAboveTheBudgetDrawsItsGroupsAndAGroupsListLinkShowsItsNodes() {
        Page page = PORTAL.browser().newContext(ADA).newPage();
        PageProblems problems = PageProblems.watch(page);
        page.navigate(PORTAL.server().uri("/p/graph/map").toString());
        page.waitForSelector("#graph-map[data-drawn-nodes]");

        assertEquals("3", page.getAttribute("#graph-map", "data-drawn-nodes"), "groups web, payments and ops");
        assertEquals("2", page.getAttribute("#graph-map", "data-drawn-edges"));
        assertEquals(3, page.locator("table.graph-map-groups tbody tr").count());

        page.getByText("Show its 2 nodes").click();
        page.waitForSelector("#graph-map[data-drawn-nodes]");

        assertEquals("4", page.getAttribute("#graph-map", "data-drawn-nodes"), "pay, ledger, and groups web and ops");
        assertEquals("3", page.getAttribute("#graph-map", "data-drawn-edges"));
        assertEquals(2, page.locator("table.graph-map-nodes tbody tr").count());
        assertEquals(2, page.locator("table.graph-map-groups tbody tr").count());
        assertEquals(3, page.locator("table.graph-map-edges tbody tr").count());
        problems.assertNone(page.url());
    }

    @Test
    void theProgramPageDrawsItsStakeholderMapWithoutAPolicyViolation() {
        Page page = PORTAL.browser().newContext(ADA).newPage();
        PageProblems problems = PageProblems.watch(page);
        page.navigate(PORTAL.server().uri("/programs/checkout").toString());
        page.waitForSelector(".graph-drawing[data-drawn-nodes]");

        // checkout; web, payments; shop, pay, ledger; db-proxy; ops.
        assertEquals("8", page.getAttribute(".graph-drawing", "data-drawn-nodes"));
        // 2 stakeholders, 3 services owned, pay and ledger on db-proxy, db-proxy owned by ops.
        assertEquals("8", page.getAttribute(".graph-drawing", "data-drawn-edges"));
        problems.assertNone(page.url());
    }
}
