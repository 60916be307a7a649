package dev.vitals.plugins.deploys.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.EntityRef;
import dev.vitals.api.Page;
import dev.vitals.api.PageRoute;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.SignalStatus;
import dev.vitals.plugins.deploys.DeploysTestPortal;
import gg.jte.Content;
import gg.jte.output.StringOutput;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The running plugin's pages, tab and panels, rendered as the host would. These read nothing from the request, so
 * they are rendered without one.
 */
class RunningPagesTest {

    private static DeploysTestPortal portal;
    private static RunningPlugin running;

    @BeforeAll
    static void start() {
        portal = DeploysTestPortal.start("UTC", Map.of("VITALS_DEPLOYS_MIGRATION_TARGET", "2030-06-30"));
        running = portal.running();
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @Test
    void theServiceTabShowsTheGateClosedWhileTheSloPluginSaysTheBudgetIsSpent() throws Exception {
        EntityRef alpha = EntityRef.of("component", "alpha");
        try {
            portal.signalsOf("slo").publish(alpha, "error-budget", SignalStatus.CRITICAL, "3 % of the budget left",
                    OptionalDouble.empty(), Optional.empty());

            String spent = text(running.serviceTabs().get(0).renderer().render(null, alpha));

            assertTrue(spent.contains("closed</strong> (error budget spent: 3 % of the budget left)"), spent);
            assertTrue(spent.contains("href=\"/p/deploys/services/alpha\""), spent);
            assertTrue(spent.contains("href=\"/p/deploys/deployments?service=alpha\""), spent);
        } finally {
            portal.signalsOf("slo").publish(alpha, "error-budget", SignalStatus.OK, "80 % of the budget left",
                    OptionalDouble.empty(), Optional.empty());
        }
        String left = text(running.serviceTabs().get(0).renderer().render(null, alpha));
        assertTrue(left.contains("Deploy gate: <strong>open</strong>"), left);
        assertTrue(left.contains("href=\"/p/deploys/services/alpha\""), left);
        assertTrue(left.contains("error budget left: 80 % of the budget left"), left);
    }

    @Test
    void thePagesLinkThroughThePluginsOwnUrls() throws Exception {
        String overview = page("/");
        assertTrue(overview.contains("href=\"/p/deploys/migration\""), overview);
        assertTrue(overview.contains("href=\"/p/deploys/services/gamma\""), overview);
        assertTrue(overview.contains("href=\"/p/deploys/deployments?team=billing\""), overview);
        assertTrue(overview.contains("<code>POST /api/deploys/events</code>"), overview);
        String migration = page("/migration");
        assertTrue(migration.contains("Target: every service by <strong>2030-06-30</strong>"), migration);
        assertTrue(migration.contains("href=\"/p/deploys/services/beta\""), migration);
        assertTrue(page("/freezes").contains("<code>GET /api/deploys/gate?service=…&amp;environment=production</code>"));
        assertTrue(page("/break-glass").contains("No break-glass requests yet."));
        String team = text(running.teamPanels().get(0).renderer().render(null, EntityRef.of("group", "streaming")));
        assertTrue(team.contains("href=\"/p/deploys/deployments?team=streaming\""), team);
        String program = text(running.programPanels().get(0).renderer().render(null, EntityRef.of("program", "none")));
        assertTrue(program.contains("This program has no services in scope."), program);
        assertEquals(List.of("Deploys"), running.navigation().stream().map(n -> n.label()).toList());
    }

    private static String page(String path) throws Exception {
        PageRoute route = running.pages().stream().filter(p -> p.path().equals(path)).findFirst().orElseThrow();
        Page page = route.renderer().render(null);
        return text(page.body());
    }

    private static String text(Content content) {
        StringOutput output = new StringOutput();
        content.writeTo(output);
        return output.toString();
    }
}
