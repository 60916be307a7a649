package dev.vitals.plugins.graph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.plugins.graph.map.MapJson;
import dev.vitals.plugins.graph.observed.SentObservedEdge;
import dev.vitals.testkit.TestCatalog;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The map, the reports, the service tab and the program panel as served, on a real portal and database. The catalog:
 * shop (web) → pay (payments) → db-proxy (ops), and ping ⇄ pong (ops); program checkout names web (Sponsor) and
 * payments (Engineering), so ops is its hidden stakeholder. The map's budget is 4 nodes, so the whole graph's 5
 * nodes are grouped by team.
 */
class MapPagesTest {

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .setting("map_budget", "4")
            .catalog(TestCatalog.of().team("web").team("payments").team("ops")
                    .service("db-proxy", "ops").service("pay", "payments", "db-proxy")
                    .service("shop", "web", "pay").service("ping", "ops", "pong").service("pong", "ops", "ping")
                    .descriptor("""
                            apiVersion: vitals.dev/v1
                            kind: Program
                            metadata: {name: checkout}
                            spec:
                              owner: web
                              outcome: Checkout never fails
                              stakeholders:
                              - {team: web, role: Sponsor}
                              - {team: payments, role: Engineering}
                            """))
            .build();

    private static final String PAY = "component:default/pay";
    private static final String SHOP = "component:default/shop";
    private static final String DB = "component:default/db-proxy";

    @Test
    void theMapAroundAServiceHoldsItsNeighboursOnEitherSideAndEveryEdgeAmongThem(VitalsPortal portal) {
        GraphStatus.awaitFresh(portal, status -> status.nodes() > 0);

        MapJson map = portal.viewer().get("/api/graph/map?focus=component:pay&depth=1").expect(200).as(MapJson.class);

        assertEquals(List.of(PAY, DB, SHOP), map.nodes().stream().map(MapJson.MapNode::id).toList());
        assertEquals(List.of("focus", "dependency", "dependent"), map.nodes().stream()
                .map(n -> n.side().orElseThrow()).toList());
        assertEquals(List.of(new MapJson.MapEdge(PAY, DB, "dependsOn", 1), new MapJson.MapEdge(SHOP, PAY, "dependsOn",
                1)), map.edges());
        assertEquals(Optional.empty(), map.groupedBy());
        assertEquals(Optional.of("group:default/ops"), map.nodes().get(1).owner());
        assertEquals("/p/graph/map?focus=component%3Adefault%2Fdb-proxy&depth=1&direction=both&group=team",
                map.nodes().get(1).href());
    }

    @Test
    void aboveTheBudgetTheWholeGraphFoldsIntoTeamsThatCountTheirNodesAndEdges(VitalsPortal portal) {
        GraphStatus.awaitFresh(portal, status -> status.nodes() > 0);

        MapJson map = portal.viewer().get("/api/graph/map").expect(200).as(MapJson.class);
        MapJson ops = portal.viewer().get("/api/graph/map?expand=group:default/ops").expect(200).as(MapJson.class);

        assertEquals(Optional.of("team"), map.groupedBy());
        assertEquals(5, map.nodesInView());
        assertEquals(4, map.edgesInView());
        assertEquals(List.of("ops 3 nodes 2 edges", "payments 1 nodes 0 edges", "web 1 nodes 0 edges"),
                map.groups().stream().map(g -> g.label() + " " + g.nodes() + " nodes " + g.innerEdges() + " edges")
                        .toList());
        assertEquals(List.of(new MapJson.MapEdge("group group:default/payments", "group group:default/ops",
                "dependsOn", 1), new MapJson.MapEdge("group group:default/web", "group group:default/payments",
                "dependsOn", 1)), map.edges());
        assertEquals(List.of(DB, "component:default/ping", "component:default/pong"),
                ops.nodes().stream().map(MapJson.MapNode::id).toList());
        assertEquals(4, ops.edges().stream().mapToInt(MapJson.MapEdge::count).sum());
    }

    @Test
    void aMapParameterItDoesNotUnderstandIsA400NamingIt(VitalsPortal portal) {
        GraphStatus.awaitFresh(portal, status -> status.nodes() > 0);

        var direction = portal.viewer().get("/api/graph/map?focus=component:pay&direction=sideways");
        var depth = portal.viewer().get("/api/graph/map?focus=component:pay&depth=6");
        var kind = portal.viewer().get("/api/graph/map?kind=spaceship");
        var nowhere = portal.viewer().get("/api/graph/map?focus=component:nowhere");

        assertEquals(400, direction.status());
        assertEquals("direction", direction.json().path("errors").get(0).path("field").asText(), direction.body());
        assertEquals(400, depth.status());
        assertEquals(400, kind.status());
        assertEquals("kind", kind.json().path("errors").get(0).path("field").asText(), kind.body());
        assertEquals(404, nowhere.status());
    }

    @Test
    void theMapPageListsTheSameNodesAndEdgesItsDrawingFetchesAndLoadsItsScriptsFromThePlugin(VitalsPortal portal) {
        GraphStatus.awaitFresh(portal, status -> status.nodes() > 0);

        String page = portal.viewer().page("/p/graph/map?focus=component:pay&depth=1").expect(200).body();
        var echarts = portal.viewer().get("/api/graph/assets/echarts-5.3.1.min.js").expect(200);
        var script = portal.viewer().get("/api/graph/assets/graph-map.js").expect(200);

        assertTrue(page.contains("3 nodes and 2 edges within 1 edges of"), page);
        assertTrue(page.contains("data-source=\"/api/graph/map?focus=component%3Adefault%2Fpay&amp;depth=1"
                + "&amp;direction=both&amp;group=team\""), page);
        assertEquals(3, count(page, "Centre the map here"), page);
        assertTrue(page.contains("<td>component:default/shop</td><td>dependsOn</td><td>component:default/pay</td>"
                + "<td>1</td>"), page);
        assertTrue(page.contains("<script src=\"/api/graph/assets/echarts-5.3.1.min.js\" defer></script>"), page);
        assertTrue(page.contains("<script src=\"/api/graph/assets/graph-map.js\" defer></script>"), page);
        assertFalse(page.contains("style=\""), "no inline style: the page policy refuses it");
        assertEquals(Optional.of("text/javascript"), echarts.contentType());
        assertTrue(echarts.body().contains("Apache"), "ECharts keeps its licence header");
        assertTrue(script.body().contains("vitalsGraphMap"));
        assertEquals(404, portal.viewer().get("/api/graph/assets/..%2Fpom.xml").status());
    }

    @Test
    void theMapPageFiltersByTeamAndCountsWhatTheFilterHides(VitalsPortal portal) {
        GraphStatus.awaitFresh(portal, status -> status.nodes() > 0);

        String page = portal.viewer().page("/p/graph/map?focus=component:pay&depth=2&team=ops").expect(200).body();

        assertTrue(page.contains("The filters hide 1 nodes and 1 edges."), page);
        assertTrue(page.contains(">component:default/db-proxy</a>"), page);
        assertFalse(page.contains(">component:default/shop</a>"), page);
    }

    @Test
    void theServicesDependenciesTabListsBothWaysWithDistanceAndOwnerAndLinksToTheMapAndBlastRadius(
            VitalsPortal portal) {
        GraphStatus.awaitFresh(portal, status -> status.nodes() > 0);

        String tab = portal.viewer().page("/services/shop?tab=graph.dependencies").expect(200).body();

        assertTrue(tab.contains("It depends on 2 nodes, directly or through others, and\n        0 nodes depend on it"),
                tab);
        assertTrue(tab.contains("<td><a href=\"/services/db-proxy\">component:default/db-proxy</a></td>\n"
                + "                        <td>2</td>"), tab);
        assertTrue(tab.contains("href=\"/p/graph/map?focus=component%3Adefault%2Fshop\""), tab);
        assertTrue(tab.contains("href=\"/p/graph/blast-radius?ref=component%3Adefault%2Fshop\""), tab);
        assertTrue(tab.contains("Nothing depends on it."), tab);
    }

    @Test
    void theProgramPageShowsItsStakeholdersTheirServicesAndTheHiddenStakeholder(VitalsPortal portal) {
        GraphStatus.awaitFresh(portal, status -> status.nodes() > 0);

        String page = portal.viewer().page("/programs/checkout").expect(200).body();

        assertTrue(page.contains("2 stakeholder teams; their services depend on\n        1 other teams"), page);
        assertTrue(page.contains("<td>Sponsor</td>"), page);
        assertTrue(page.contains("class=\"data graph-hidden-stakeholders\""), page);
        assertTrue(page.contains("<td><a href=\"/teams/ops\">ops</a></td>"), page);
        assertTrue(page.contains("<script type=\"application/json\" id=\"graph-stakeholders-data\">"), page);
        assertTrue(page.contains("\"relation\":\"stakeholder: Sponsor\""), page);
    }

    @Test
    void theReportPagesNameTheCycleRankTheNodesMapTheTeamsAndNameTheDriftWindow(VitalsPortal portal) {
        GraphStatus.awaitFresh(portal, status -> status.nodes() > 0);
        String today = LocalDate.ofInstant(portal.clock().instant(), ZoneOffset.UTC).toString();
        portal.admin().post("/api/graph/observed", List.of(new SentObservedEdge("shop", "component:pay", 10L, 0L,
                today), new SentObservedEdge("shop", "component:db-proxy", 3L, 1L, today))).expect(200);
        GraphStatus.awaitFresh(portal, status -> status.observedEdges() == 2);

        String cycles = portal.viewer().page("/p/graph/cycles").expect(200).body();
        String critical = portal.viewer().page("/p/graph/criticality").expect(200).body();
        String teams = portal.viewer().page("/p/graph/teams").expect(200).body();
        String drift = portal.viewer().page("/p/graph/drift").expect(200).body();
        String overview = portal.viewer().page("/p/graph/").expect(200).body();

        assertTrue(cycles.contains("1 cycles hold 2 nodes."), cycles);
        assertTrue(critical.contains("<td>1</td>\n                <td><a href=\"/services/db-proxy\">"), critical);
        assertTrue(critical.contains("Betweenness is exact"), critical);
        assertTrue(teams.contains("<td><a href=\"/teams/web\">web</a></td>\n                <td><a href=\"/teams/"
                + "payments\">payments</a></td>\n                <td>1</td>"), teams);
        assertTrue(teams.contains("id=\"graph-teams-data\""), teams);
        String firstDay = LocalDate.parse(today).minusDays(29).toString();
        assertTrue(drift.contains("<strong>" + firstDay + " to\n    " + today + "</strong>"), drift);
        assertTrue(drift.contains("3 declared edges saw no calls"), drift);
        assertTrue(drift.contains("1 observed pairs no declaration explains"), drift);
        for (String report : List.of("/p/graph/map", "/p/graph/cycles", "/p/graph/criticality", "/p/graph/teams",
                "/p/graph/drift")) {
            assertTrue(overview.contains("href=\"" + report + "\""), report);
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }
}
