package dev.vitals.plugins.deploys.pages;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.SignalStatus;
import dev.vitals.plugins.deploys.SloStandIn;
import dev.vitals.testkit.TestCatalog;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The plugin's pages, service tab and panels as the portal serves them, linked through the plugin's own URLs, with
 * the SLO plugin's error-budget verdicts coming from a stand-in under its id.
 */
class RunningPagesTest {

    /** Besides the test catalog's teams and services, a program with no services in scope. */
    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .alsoLoad(SloStandIn.module())
            .setting("migration_target", "2030-06-30")
            .catalog(TestCatalog.of().descriptor("""
                    apiVersion: vitals.dev/v1
                    kind: Program
                    metadata:
                      name: none
                    spec:
                      owner: streaming
                      outcome: Nothing yet
                      services: []
                    """))
            .build();

    /** Teams streaming (alpha, beta) and billing (gamma). */
    @BeforeAll
    static void importTheTestCatalog(VitalsPortal portal) {
        portal.importCatalogResource("deploys-test-catalog.yaml");
    }

    private static String page(String path) {
        return VITALS.portal().viewer().page(path).expect(200).body();
    }

    @Test
    void theServiceTabShowsTheGateClosedWhileTheSloPluginSaysTheBudgetIsSpent(VitalsPortal portal) {
        try {
            SloStandIn.publish(portal, "alpha", "error-budget", SignalStatus.CRITICAL, "3 % of the budget left");

            String spent = page("/services/alpha?tab=deploys.deploys");

            assertTrue(spent.contains("closed</strong> (error budget spent: 3 % of the budget left)"), spent);
            assertTrue(spent.contains("href=\"/p/deploys/services/alpha\""), spent);
            assertTrue(spent.contains("href=\"/p/deploys/deployments?service=alpha\""), spent);
        } finally {
            SloStandIn.publish(portal, "alpha", "error-budget", SignalStatus.OK, "80 % of the budget left");
        }
        String left = page("/services/alpha?tab=deploys.deploys");
        assertTrue(left.contains("Deploy gate: <strong>open</strong>"), left);
        assertTrue(left.contains("href=\"/p/deploys/services/alpha\""), left);
        assertTrue(left.contains("error budget left: 80 % of the budget left"), left);
    }

    @Test
    void thePagesLinkThroughThePluginsOwnUrls() {
        String overview = page("/p/deploys/");
        assertTrue(overview.contains("href=\"/p/deploys/migration\""), overview);
        assertTrue(overview.contains("href=\"/p/deploys/services/gamma\""), overview);
        assertTrue(overview.contains("href=\"/p/deploys/deployments?team=billing\""), overview);
        assertTrue(overview.contains("<code>POST /api/deploys/events</code>"), overview);
        assertTrue(overview.contains(">Deploys</a>"), "the navigation names the plugin: " + overview);
        String migration = page("/p/deploys/migration");
        assertTrue(migration.contains("Target: every service by <strong>2030-06-30</strong>"), migration);
        assertTrue(migration.contains("href=\"/p/deploys/services/beta\""), migration);
        assertTrue(page("/p/deploys/freezes").contains(
                "<code>GET /api/deploys/gate?service=…&amp;environment=production</code>"));
        assertTrue(page("/p/deploys/break-glass").contains("No break-glass requests yet."));
        String team = page("/teams/streaming");
        assertTrue(team.contains("href=\"/p/deploys/deployments?team=streaming\""), team);
        String program = page("/programs/none");
        assertTrue(program.contains("This program has no services in scope."), program);
    }
}
