package dev.vitals.plugins.slo.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.EntityRef;
import dev.vitals.api.Signal;
import dev.vitals.api.SignalFilter;
import dev.vitals.api.SignalStatus;
import dev.vitals.testkit.PortalResponse;
import dev.vitals.testkit.TestCatalog;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One SLO story told by every page that shows it: the signals, the program page's SLO panel, the team page's SLO
 * panel, the overview and the monthly review agree, and each names its window.
 *
 * <p>Team identity owns auth-service and the availability component sign-in; program availability has sign-in in
 * scope. This month auth-sign-in (99 %, rolling 30 d) got 950 good of 1,000: 95.000 %, (1 − 0.95) ÷ (1 − 0.99) =
 * 500.0 % of its budget used, −400.0 % left. sign-in-journey (99 %, calendar month) got 999 of 1,000 this month,
 * 99.900 %, 10.0 % used, and 990 of 1,000 last month, 99.000 %: better by 0.900 percentage points.
 */
class OneTruthTest {

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .catalog(TestCatalog.of().team("identity").service("auth-service", "identity").descriptor("""
                    apiVersion: vitals.dev/v1
                    kind: AvailabilityComponent
                    metadata: {name: sign-in, title: Sign-in}
                    spec: {owner: identity, services: [component:auth-service]}
                    """).descriptor("""
                    apiVersion: vitals.dev/v1
                    kind: Program
                    metadata: {name: availability, title: Availability}
                    spec: {owner: identity, outcome: Sign-in meets its SLOs, components: [availabilitycomponent:sign-in]}
                    """))
            .build();

    private static String month;

    @BeforeAll
    static void twoSlosWithAMinuteThisMonth(VitalsPortal portal) {
        Instant now = portal.clock().instant();
        YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC));
        month = current.toString();
        Instant monthStart = current.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        // A minute of this month within the last day, so every window that ends now holds it.
        Instant dayAgo = now.minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        Instant thisMonth = dayAgo.isBefore(monthStart) ? monthStart : dayAgo;
        Instant lastMonth = monthStart.minus(1, ChronoUnit.DAYS);
        portal.admin().post("/api/slo/slos", """
                {"name": "auth-sign-in", "service": "auth-service", "objective": 0.99, "window": "30d"}""")
                .expect(201);
        portal.admin().post("/api/slo/slos", """
                {"name": "sign-in-journey", "component": "sign-in", "objective": 0.99, "window": "month"}""")
                .expect(201);
        portal.admin().post("/api/slo/samples", "[{\"slo\": \"auth-sign-in\", \"minute\": \"" + thisMonth
                + "\", \"good\": 950, \"total\": 1000}, {\"slo\": \"sign-in-journey\", \"minute\": \"" + thisMonth
                + "\", \"good\": 999, \"total\": 1000}, {\"slo\": \"sign-in-journey\", \"minute\": \"" + lastMonth
                + "\", \"good\": 990, \"total\": 1000}]").expect(200);
    }

    private static Signal awaitVerdict(VitalsPortal portal, String subject) {
        return portal.awaitSignals(SignalFilter.about(EntityRef.parse(subject)),
                found -> !found.isEmpty() && found.get(0).status() != SignalStatus.UNKNOWN).get(0);
    }

    private static String page(VitalsPortal portal, String path) {
        return portal.viewer().page(path).expect(200).body();
    }

    @Test
    void aSignalNamesItsWindowAndLinksToTheSloThatDecidesIt(VitalsPortal portal) {
        Signal service = awaitVerdict(portal, "component:default/auth-service");
        assertEquals(SignalStatus.CRITICAL, service.status());
        assertEquals("auth-sign-in (rolling 30 d): budget spent — prioritise reliability (-400.0 % of the error "
                + "budget left)", service.summary());
        assertEquals(Optional.of("/p/slo/slos/auth-sign-in"), service.link());

        Signal component = awaitVerdict(portal, "availabilitycomponent:default/sign-in");
        assertEquals(SignalStatus.CRITICAL, component.status());
        assertTrue(component.summary().startsWith("via service auth-service: auth-sign-in (rolling 30 d): "),
                "a component judged by a service's SLO says so: " + component.summary());
        assertEquals(Optional.of("/p/slo/slos/auth-sign-in"), component.link());
    }

    @Test
    void theProgramPanelShowsThisMonthPerComponentAsTheReviewDoes(VitalsPortal portal) {
        String program = page(portal, "/programs/availability");
        assertTrue(program.contains("SLOs this month"), program);
        assertTrue(program.contains(month + ", month to date"), "names its window: " + program);
        assertTrue(program.contains("href=\"/p/slo/review?program=availability&amp;month=" + month + "\""),
                "the review link carries the program and the month: " + program);
        String panel = program.substring(program.indexOf("slo-outcome"));
        assertTrue(panel.contains(">Critical</span> <span class=\"status-reason\">missed</span>"), panel);
        assertTrue(panel.contains("href=\"/p/slo/slos/auth-sign-in\"") && panel.contains("500.0 % <small>(missed)"),
                panel);
        assertTrue(panel.contains("href=\"/p/slo/slos/sign-in-journey\"") && panel.contains("10.0 % <small>(met)"),
                panel);

        String review = page(portal, "/p/slo/review?program=availability");
        assertTrue(review.contains(month + ", month to date"), "opens on the current month: " + review);
        assertTrue(review.contains("<option value=\"availability\" selected"), "the program stays chosen");
        assertTrue(review.contains("<td>95.000 %</td><td>missed</td><td>500.0 %</td>"), review);
        assertTrue(review.contains("<td>99.900 %</td><td>met</td><td>10.0 %</td>"), review);
    }

    @Test
    void theTeamPanelShowsTheTeamsSlosWithTheChangeSinceLastMonth(VitalsPortal portal) {
        String team = page(portal, "/teams/identity");
        String panel = team.substring(team.indexOf("team-slos"));
        assertTrue(panel.contains("href=\"/p/slo/slos/auth-sign-in\"") && panel.contains("href=\"/p/slo/slos/sign-in-journey\""),
                panel);
        assertTrue(panel.contains("95.000 % <small>(missed, 500.0 % of budget)</small>"), panel);
        assertTrue(panel.contains("99.900 % <small>(met, 10.0 % of budget)</small>"), panel);
        assertTrue(panel.contains("99.000 % <small>(met)</small>"), "last month of sign-in-journey: " + panel);
        assertTrue(panel.contains("▲</span> better by 0.900 pp"), panel);
        assertTrue(panel.contains("–</span> no data to compare"), "auth-sign-in has no last month: " + panel);
        assertTrue(panel.contains("auth-sign-in (rolling 30 d): budget spent"), "the policy names its window");
    }

    @Test
    void theOverviewTakesATeamByKeyOrByFullReference(VitalsPortal portal) {
        for (String team : List.of("identity", "group:default/identity", "group%3Adefault%2Fidentity")) {
            String overview = page(portal, "/p/slo/?team=" + team);
            assertTrue(overview.contains("2 SLOs"), team + ": " + overview);
            assertTrue(overview.contains("<option value=\"identity\" selected"), team + " keeps the team chosen");
        }
    }

    @Test
    void aTeamThatNamesNothingShowsTheOverviewAgainWithTheFieldMarked(VitalsPortal portal) {
        PortalResponse unknown = portal.viewer().page("/p/slo/?team=atlantis");
        assertEquals(400, unknown.status());
        assertTrue(unknown.body().contains("aria-invalid=\"true\" aria-describedby=\"team-error\"")
                && unknown.body().contains("id=\"team-error\">No team 'atlantis' in the catalog; pick one "
                + "from the list."), unknown.body());
        assertTrue(unknown.body().contains("2 SLOs"), "every SLO meanwhile: " + unknown.body());
        PortalResponse wrongKind = portal.viewer().page("/p/slo/?team=component:default/auth-service");
        assertEquals(400, wrongKind.status());
        assertTrue(wrongKind.body().contains("id=\"team-error\">"), wrongKind.body());
    }

    @Test
    void aMonthThatIsNoMonthShowsTheReviewAgainWithTheFieldMarked(VitalsPortal portal) {
        PortalResponse response = portal.viewer().page("/p/slo/review?program=availability&month=2026-13");
        assertEquals(400, response.status());
        String html = response.body();
        assertTrue(html.contains("aria-invalid=\"true\" aria-describedby=\"month-error\""), html);
        assertTrue(html.contains("id=\"month-error\">Month must look like 2026-10, got '2026-13'; showing " + month
                + " instead."), html);
        assertTrue(html.contains("value=\"2026-13\""), "the typed value stays to be corrected");
        assertTrue(html.contains("href=\"/p/slo/slos/auth-sign-in\""), "the review itself is there");
    }
}
