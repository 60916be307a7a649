package dev.vitals.plugins.graph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.testkit.TestCatalog;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The server-rendered pages: the overview and a service's blast radius with its owners to call. */
class GraphPagesTest {

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .catalog(TestCatalog.of().team("web").team("payments").team("ops")
                    .service("db-proxy", "ops").service("pay", "payments", "db-proxy")
                    .service("shop", "web", "pay").service("ping", "ops", "pong").service("pong", "ops", "ping"))
            .build();

    @Test
    void theOverviewListsCyclesTheMostDependedOnAndTheTeamMap(VitalsPortal portal) {
        GraphStatus.awaitFresh(portal, status -> status.nodes() > 0);

        var page = portal.viewer().page("/p/graph/").expect(200);

        assertTrue(page.body().contains("component:default/ping"), page.body());
        assertTrue(page.body().contains("group:default/web</td><td>group:default/payments"), page.body());
        assertTrue(page.body().contains("/p/graph/blast-radius?ref=component%3Adefault%2Fdb-proxy"), page.body());
    }

    @Test
    void theBlastRadiusPageNamesEveryDependentAndTheTeamsToCall(VitalsPortal portal) {
        GraphStatus.awaitFresh(portal, status -> status.nodes() > 0);

        var page = portal.viewer().page("/p/graph/blast-radius?ref=component:db-proxy").expect(200);
        var unknown = portal.viewer().page("/p/graph/blast-radius?ref=component:nowhere");

        assertTrue(page.body().contains("2 nodes depend on it"), page.body());
        assertTrue(page.body().contains("group:default/web"), page.body());
        assertTrue(page.body().contains("group:default/payments"), page.body());
        assertEquals(404, unknown.status());
    }

    @Test
    void aServiceNothingDependsOnSaysSoInsteadOfAnEmptyTable(VitalsPortal portal) {
        GraphStatus.awaitFresh(portal, status -> status.nodes() > 0);

        var page = portal.viewer().page("/p/graph/blast-radius?ref=component:shop").expect(200);

        assertTrue(page.body().contains("<p class=\"empty-state\">Nothing depends on it.</p>"), page.body());
        assertFalse(page.body().contains("<h2>Dependents</h2>"), page.body());
    }
}
