package dev.vitals.plugins.deploys.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.EntityRef;
import dev.vitals.api.Signal;
import dev.vitals.api.SignalFilter;
import dev.vitals.testkit.Person;
import dev.vitals.testkit.PortalClient;
import dev.vitals.testkit.PortalResponse;
import dev.vitals.testkit.TestCatalog;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The four keys over one named window on every page that shows them, the team's change since the window before, and
 * break-glass asked for and approved in the browser.
 *
 * <p>Team identity owns auth-service. In the last 30 days it deployed four times, one rolled back: a change failure
 * rate of 1 ÷ 4 = 25.0 % and 4 × 7 ÷ 30 = 0.9 deploys a week. In the 30 days before, twice without failure: 0.0 %
 * and 2 × 7 ÷ 30 = 0.5 a week. So the rate is worse by 25.0 percentage points and the frequency better by
 * 0.933 − 0.467 = 0.5 a week. ivy and jon edit for identity; vera only views.
 */
class NamedWindowAndBreakGlassTest {

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .catalog(TestCatalog.of().team("identity").service("auth-service", "identity"))
            .build();

    @BeforeAll
    static void sixDeploysInTwoWindows(VitalsPortal portal) {
        LocalDate today = LocalDate.ofInstant(portal.clock().instant(), ZoneOffset.UTC);
        List<String> events = new ArrayList<>();
        int[] daysAgo = {1, 2, 3, 4, 31, 40};
        for (int i = 0; i < daysAgo.length; i++) {
            String at = today.minusDays(daysAgo[i]).atTime(12, 0).toInstant(ZoneOffset.UTC).toString();
            events.add("""
                    {"id": "d-%d", "service": "auth-service", "environment": "production", "status": "%s",
                     "startedAt": "%s", "finishedAt": "%s"}""".formatted(i, i == 0 ? "rolled_back" : "success", at,
                    at));
        }
        portal.admin().post("/api/deploys/events", "[" + String.join(",", events) + "]").expect(200);
    }

    private static PortalClient ivy(VitalsPortal portal) {
        return portal.as(Person.editorOf("ivy", "identity"));
    }

    private static PortalClient jon(VitalsPortal portal) {
        return portal.as(Person.editorOf("jon", "identity"));
    }

    /** @return the confirmation a redirect leaves for the next page, as the host's frame will show it */
    private static String confirmation(PortalResponse redirect) {
        return redirect.confirmation().orElseThrow(() -> new AssertionError("no confirmation: " + redirect));
    }

    @Test
    void theSignalTheOverviewAndTheTabShowOneChangeFailureRateAndNameItsWindow(VitalsPortal portal) {
        Signal signal = portal.awaitSignals(SignalFilter.about(EntityRef.of("component", "auth-service"))
                .plugin(portal.pluginId()), found -> !found.isEmpty()).get(0);
        assertTrue(signal.summary().contains("change failure rate 25.0 %"), signal.summary());
        assertTrue(signal.summary().contains("4 production deploys, last 30 d"), signal.summary());
        assertEquals(java.util.Optional.of("/p/deploys/services/auth-service"), signal.link());

        String overview = portal.viewer().page("/p/deploys/").expect(200).body();
        assertTrue(overview.contains("The four keys, last 30 d"), overview);
        assertTrue(overview.contains("25.0 % (1 of 4)"), overview);
        String tab = portal.viewer().page("/services/auth-service?tab=deploys.deploys").expect(200).body();
        assertTrue(tab.contains("Service, last 30 d") && tab.contains("25.0 % (1 of 4)"), tab);
        String service = portal.viewer().page("/p/deploys/services/auth-service").expect(200).body();
        assertTrue(service.contains("The four keys, last 30 d") && service.contains("25.0 % (1 of 4)"), service);
        assertTrue(service.contains("(month to date)"), "the running month says it is not whole: " + service);
    }

    @Test
    void theTeamPanelShowsWhatChangedSinceTheWindowBeforeWithArrowsAndNumbers(VitalsPortal portal) {
        String team = portal.viewer().page("/teams/identity").expect(200).body();
        assertTrue(team.contains("DORA keys, last 30 d"), team);
        String panel = team.substring(team.indexOf("dora-change"));
        assertTrue(panel.contains("<th scope=\"row\">Change failure rate</th><td>25.0 % (1 of 4)</td>"
                + "<td>0.0 % (0 of 2)</td>"), panel);
        assertTrue(panel.contains("▲</span> worse by 25.0 pp"), panel);
        assertTrue(panel.contains("<td>0.9 / week</td><td>0.5 / week</td>"), panel);
        assertTrue(panel.contains("▲</span> better by 0.5 / week"), panel);
        assertTrue(panel.contains("–</span> no data to compare"), "no lead time without commits: " + panel);
    }

    @Test
    void breakGlassIsAskedForAndApprovedOnTheDeploysTabByTwoPeople(VitalsPortal portal) {
        String asViewer = portal.as(Person.viewer("vera")).page("/services/auth-service?tab=deploys.deploys").body();
        assertTrue(asViewer.contains("two-person rule") && asViewer.contains("Only editors of the team"), asViewer);
        String form = ivy(portal).page("/services/auth-service?tab=deploys.deploys").expect(200).body();
        assertTrue(form.contains("action=\"/p/deploys/services/auth-service/break-glass\""), form);

        PortalResponse empty = ivy(portal).submit("/p/deploys/services/auth-service/break-glass", Map.of("reason", ""));
        assertEquals(422, empty.status(), empty.body());
        assertTrue(empty.body().contains("Not done: ") && empty.body().contains("reason"), empty.body());

        PortalResponse asked = ivy(portal).submit("/p/deploys/services/auth-service/break-glass",
                Map.of("reason", "hotfix for sign-in, INC-7")).expect(303);
        assertEquals("/services/auth-service?tab=deploys.deploys", asked.header("Location").orElseThrow());
        Matcher made = Pattern.compile("Break-glass request (\\d+) for auth-service made\\. A second editor of its "
                + "team must approve it within 4 h\\.").matcher(confirmation(asked));
        assertTrue(made.matches(), confirmation(asked));
        String id = made.group(1);

        String ivysTab = ivy(portal).page("/services/auth-service?tab=deploys.deploys").body();
        assertTrue(ivysTab.contains("waits for a second person: you asked"), ivysTab);
        assertFalse(ivysTab.contains("/p/deploys/break-glass/" + id + "/approve"), "no approve button for ivy");
        PortalResponse own = ivy(portal).submit("/p/deploys/break-glass/" + id + "/approve", Map.of());
        assertEquals(403, own.status());
        assertTrue(own.body().contains("the requester cannot approve their own request; a second person must"),
                own.body());

        String jonsTab = jon(portal).page("/services/auth-service?tab=deploys.deploys").body();
        assertTrue(jonsTab.contains("action=\"/p/deploys/break-glass/" + id + "/approve\""), jonsTab);
        PortalResponse approved = jon(portal).submit("/p/deploys/break-glass/" + id + "/approve", Map.of())
                .expect(303);
        assertEquals("Break-glass request " + id + " approved: the deploy gate of auth-service is open for 60 min.",
                confirmation(approved));
        String after = portal.viewer().page("/services/auth-service?tab=deploys.deploys").body();
        assertTrue(after.contains("approved by jon") && after.contains("open until"), after);
    }
}
