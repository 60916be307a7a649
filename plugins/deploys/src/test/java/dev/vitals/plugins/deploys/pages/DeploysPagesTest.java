package dev.vitals.plugins.deploys.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.EntityRef;
import dev.vitals.api.MeasurePoint;
import dev.vitals.testkit.TestCatalog;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The deploys pages render from real data, link to each other and page long lists. */
class DeploysPagesTest {

    /** Team streaming owns alpha and beta, both in the continuous-delivery program. */
    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .setting("migration_target", "2030-06-30")
            .catalog(TestCatalog.of().team("streaming").service("alpha", "streaming").service("beta", "streaming")
                    .descriptor("""
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
                            """))
            .build();

    /** Alpha deployed 55 times, every 13 hours, and has shipped independently for three weeks. */
    @BeforeAll
    static void deployAlpha(VitalsPortal portal) {
        Instant latest = portal.clock().instant().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 55; i++) {
            Instant at = latest.minus(i * 13L, ChronoUnit.HOURS);
            events.add("""
                    {"id": "p-%d", "service": "alpha", "environment": "production", "status": "success",
                     "startedAt": "%s", "finishedAt": "%s", "version": "v%d"}""".formatted(i, at, at, i));
        }
        portal.editorOf("streaming").post("/api/deploys/events", "[" + String.join(",", events) + "]").expect(200);
        String since = LocalDate.ofInstant(portal.clock().instant(), ZoneOffset.UTC).minusWeeks(3).toString();
        portal.editorOf("streaming").put("/api/deploys/release-modes/alpha",
                "{\"mode\": \"independent\", \"since\": \"" + since + "\"}").expect(204);
    }

    @Test
    void theReleaseModeMeasureIsOneForAServiceThatDeploysIndependentlyAndZeroOnTheTrain(VitalsPortal portal) {
        portal.runJob("publish-release-modes");

        LocalDate today = LocalDate.ofInstant(portal.clock().instant(), ZoneOffset.UTC);
        List<MeasurePoint> alpha = portal.measures("deploys.independent", EntityRef.parse("component:alpha"),
                today, today);
        List<MeasurePoint> beta = portal.measures("deploys.independent", EntityRef.parse("component:beta"),
                today, today);
        assertEquals(1, alpha.size(), alpha.toString());
        assertEquals(0, BigDecimal.ONE.compareTo(alpha.get(0).value()));
        assertEquals(1, beta.size(), beta.toString());
        assertEquals(0, BigDecimal.ZERO.compareTo(beta.get(0).value()));
    }

    private static String page(String path) {
        return VITALS.portal().viewer().page(path).expect(200).body();
    }

    @Test
    void theOverviewDrawsWeeklyDeploysAndTheKeysPerTeamAndServiceWithTheirDefinitions() {
        String overview = page("/p/deploys/");
        assertTrue(overview.contains("<figure class=\"vitals-chart\">"), overview);
        assertTrue(overview.contains("<th scope=\"col\">Production deploys (deploys/week)</th>"), overview);
        assertTrue(overview.contains("Production deploys per ISO week"), overview);
        assertTrue(overview.contains("href=\"/p/deploys/services/alpha\""), overview);
        assertTrue(overview.contains("href=\"/p/deploys/deployments?team=streaming\""), overview);
        assertTrue(overview.contains("How these numbers are computed"), overview);
        assertTrue(overview.contains("<span class=\"band band-top\">elite</span>"), "alpha deploys every 13 hours");
        assertTrue(overview.contains("<span class=\"band band-none\">–</span>"), "beta has no deployments to rate");
        String main = overview.substring(overview.indexOf("<main"), overview.indexOf("</main>"));
        assertFalse(main.replace("<script type=\"application/json\"", "").contains("<script"),
                "readable without JavaScript: the page has no script of its own, only the chart's data");
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
        assertTrue(second.contains("51–55 of 55"), second);
        assertTrue(second.contains("href=\"/p/deploys/deployments?service=alpha&amp;page=1\" rel=\"prev\""), second);
        assertFalse(second.contains("rel=\"next\""), second);
    }

    @Test
    void theServicePageTabAndTeamPanelShowTheServicesKeysAndGate(VitalsPortal portal) {
        String service = page("/p/deploys/services/alpha");
        assertTrue(service.contains("ships\n    independently since"), service);
        assertTrue(service.contains("The deploy gate is <strong>open</strong>"), service);
        assertTrue(service.contains("Per month"), service);
        String tab = page("/services/alpha?tab=deploys.deploys");
        assertTrue(tab.contains("Release mode: <strong>independent</strong>"), tab);
        String team = page("/teams/streaming");
        assertTrue(team.contains("DORA keys, last 30 d"), team);
        portal.viewer().page("/p/deploys/services/zeta").expect(404);
    }

    @Test
    void theMigrationTrackerAndProgramPanelShowTheShareMigratedAndTheTarget() {
        String tracker = page("/p/deploys/migration");
        assertTrue(tracker.contains("1 of 2 services deploy independently"), tracker);
        assertTrue(tracker.contains("Target: every service by <strong>2030-06-30</strong>"), tracker);
        assertTrue(tracker.contains("<th scope=\"col\">Services deploying independently (%)</th>"), tracker);
        String program = page("/programs/continuous-delivery");
        assertTrue(program.contains("1 of 2 services in scope deploy independently"), program);
        assertTrue(program.contains("<figcaption>Share of the program&#39;s services deploying independently"),
                program);
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
