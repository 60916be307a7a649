package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.core.audit.Actor;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.plugins.deploys.DeploysPlugin;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The deploys pages render from real data, link to each other and page long lists. */
class DeploysPagesTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestPlugins.of().with("deploys", DeploysPlugin::new).source(),
                Map.of("VITALS_DEPLOYS_MIGRATION_TARGET", "2030-06-30"));
        var report = server.vitals().catalogSources().importText("test", DeploysApiTest.CATALOG + """
                ---
                apiVersion: vitals.dev/v1
                kind: Program
                metadata:
                  name: continuous-delivery
                spec:
                  owner: streaming
                  outcome: Every service deploys on its own
                  services:
                  - component:alpha
                  - component:beta
                """, new Actor("test", Optional.empty()));
        assertTrue(report.applied(), report.summary());
        Instant latest = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 55; i++) {
            Instant at = latest.minus(i * 13L, ChronoUnit.HOURS);
            events.add("""
                    {"id": "p-%d", "service": "alpha", "environment": "production", "status": "success",
                     "startedAt": "%s", "finishedAt": "%s", "version": "v%d"}""".formatted(i, at, at, i));
        }
        HttpResponse<String> stored = server.asAdmin("POST", "/api/deploys/events", "[" + String.join(",", events)
                + "]");
        assertEquals(200, stored.statusCode(), stored.body());
        String since = LocalDate.now(ZoneOffset.UTC).minusWeeks(3).toString();
        assertEquals(204, server.asAdmin("PUT", "/api/deploys/release-modes/alpha",
                "{\"mode\": \"independent\", \"since\": \"" + since + "\"}").statusCode());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String page(String path) {
        HttpResponse<String> response = server.getPage(path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return response.body();
    }

    @Test
    void theOverviewDrawsWeeklyDeploysAndTheKeysPerTeamAndServiceWithTheirDefinitions() {
        String overview = page("/p/deploys/");
        assertTrue(overview.contains("<svg"), overview);
        assertTrue(overview.contains("Production deploys per ISO week"), overview);
        assertTrue(overview.contains("href=\"/p/deploys/services/alpha\""), overview);
        assertTrue(overview.contains("href=\"/p/deploys/deployments?team=streaming\""), overview);
        assertTrue(overview.contains("How these numbers are computed"), overview);
        String main = overview.substring(overview.indexOf("<main"), overview.indexOf("</main>"));
        assertFalse(main.contains("<script"), "readable without JavaScript: the page needs no script of its own");
    }

    @Test
    void theDeploymentListIsPagedNewestFirst() {
        String first = page("/p/deploys/deployments?service=alpha");
        assertTrue(first.contains("55 deployments of service alpha"), first);
        assertTrue(first.contains("<code>p-0</code>"), first);
        assertFalse(first.contains("<code>p-50</code>"), first);
        assertTrue(first.contains("href=\"/p/deploys/deployments?service=alpha&amp;page=2\""), first);
        String second = page("/p/deploys/deployments?service=alpha&page=2");
        assertTrue(second.contains("<code>p-54</code>"), second);
        assertTrue(second.contains("Newer"), second);
        assertFalse(second.contains("Older"), second);
    }

    @Test
    void theServicePageTabAndTeamPanelShowTheServicesKeysAndGate() {
        String service = page("/p/deploys/services/alpha");
        assertTrue(service.contains("ships\n    independently since"), service);
        assertTrue(service.contains("The deploy gate is <strong>open</strong>"), service);
        assertTrue(service.contains("Per month"), service);
        String tab = page("/services/alpha?tab=deploys.deploys");
        assertTrue(tab.contains("Release mode: <strong>independent</strong>"), tab);
        String team = page("/teams/streaming");
        assertTrue(team.contains("Deploys (last 90 days)"), team);
        assertEquals(404, server.getPage("/p/deploys/services/zeta").statusCode());
    }

    @Test
    void theMigrationTrackerAndProgramPanelShowTheShareMigratedAndTheTarget() {
        String tracker = page("/p/deploys/migration");
        assertTrue(tracker.contains("1 of 2 services deploy independently"), tracker);
        assertTrue(tracker.contains("Target: every service by <strong>2030-06-30</strong>"), tracker);
        assertTrue(tracker.contains("<polyline"), tracker);
        String program = page("/programs/continuous-delivery");
        assertTrue(program.contains("1 of 2 services in scope deploy independently"), program);
    }

    @Test
    void theFreezeCalendarAndBreakGlassPagesSayWhatToDoWhenEmpty() {
        String freezes = page("/p/deploys/freezes");
        assertTrue(freezes.contains("No freeze windows."), freezes);
        assertTrue(freezes.contains("Next four weeks"), freezes);
        String glass = page("/p/deploys/break-glass");
        assertTrue(glass.contains("No break-glass requests yet."), glass);
    }
}
