package dev.vitals.plugins.priorities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.SignalStatus;
import dev.vitals.plugins.priorities.backlog.Item;
import dev.vitals.plugins.priorities.backlog.ItemList;
import dev.vitals.plugins.priorities.initiative.ChecklistEntry;
import dev.vitals.plugins.priorities.initiative.Initiative;
import dev.vitals.testkit.PortalResponse;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The pages, served by the portal and used as a browser without scripts uses them: links and forms. */
class PrioritiesPagesTest {

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .alsoLoad(SignalStandIn.module("slo"))
            .setting("top_themes", "1")
            .catalog(PrioritiesCatalog.of())
            .build();

    private static Item[] items;

    @BeforeAll
    static void aBacklogForGreen() {
        VitalsPortal portal = VITALS.portal();
        items = portal.editorOf("green").post("/api/priorities/items", """
                [{"key": "T", "title": "Reliable checkout", "level": "theme", "owner": "green",
                  "horizon": "immediate", "investment": "foundation"},
                 {"key": "E", "title": "Card retries", "level": "epic", "parentKey": "T", "owner": "green",
                  "horizon": "immediate", "investment": "foundation",
                  "rice": {"reach": 1000, "impact": 2, "confidence": 0.8, "effort": 2}},
                 {"key": "F", "title": "Retry once", "level": "feature", "parentKey": "E", "owner": "green",
                  "horizon": "immediate", "investment": "foundation", "quarter": "2027-Q1", "estimateWeeks": 4,
                  "services": ["green-api"]},
                 {"title": "Dark mode", "level": "theme", "owner": "green", "horizon": "future",
                  "investment": "innovation"},
                 {"title": "Old epic", "level": "epic", "parentKey": "T", "owner": "green", "horizon": "future",
                  "investment": "innovation", "quarter": "2027-Q1", "estimateWeeks": 6}]""")
                .expect(201).as(Item[].class);
        portal.admin().put("/api/priorities/targets/green", "{\"immediate\": 0.7, \"foundation\": 0.3}").expect(200);
    }

    @Test
    void theBacklogTreeNestsItemsAndItsRankFormMovesOneForItsTeamsEditorOnly(VitalsPortal portal) {
        String tree = portal.editorOf("green").page("/p/priorities/?owner=green").expect(200).body();
        assertTrue(tree.indexOf("Reliable checkout") < tree.indexOf("Card retries"), tree);
        assertTrue(tree.contains("action=\"/p/priorities/items/" + items[4].id() + "/rank\""), tree);
        assertFalse(portal.viewer().page("/p/priorities/?owner=green").expect(200).body().contains("/rank\""));
        assertFalse(tree.contains("style="), "no inline style attributes under the strict CSP");

        Map<String, String> move = Map.of("position", "1", "reason", "Old work first",
                "back", "/p/priorities/?owner=green");
        assertEquals(403, portal.editorOf("blue").submit("/p/priorities/items/" + items[4].id() + "/rank", move)
                .status());
        PortalResponse moved = portal.editorOf("green").submit("/p/priorities/items/" + items[4].id() + "/rank",
                move);
        assertEquals(303, moved.status(), moved.body());
        assertEquals("/p/priorities/?owner=green", moved.header("Location").orElseThrow());
        assertEquals("Rank of " + items[4].title() + " saved, with its reason in the decision log.",
                moved.confirmation().orElseThrow(), "the next page confirms the move");
        List<String> epics = portal.viewer().get("/api/priorities/items?level=epic&owner=green").expect(200)
                .as(ItemList.class).items().stream().map(Item::title).toList();
        assertEquals(List.of("Old epic", "Card retries"), epics);

        PortalResponse noReason = portal.editorOf("green").submit("/p/priorities/items/" + items[4].id() + "/rank",
                Map.of("position", "2", "reason", ""));
        assertEquals(422, noReason.status());
        assertTrue(noReason.body().contains("reason"), noReason.body());
    }

    @Test
    void theItemPageAndTheRankedListShowScoresWithTheirInputs(VitalsPortal portal) {
        String item = portal.viewer().page("/p/priorities/items/" + items[1].id()).expect(200).body();
        assertTrue(item.contains("800 = reach 1000 × impact 2 × confidence 0.8 ÷ effort 2"), item);
        String ranked = portal.viewer().page("/p/priorities/ranked?level=epic&sort=rice").expect(200).body();
        assertTrue(ranked.contains("1000 × 2 × 0.8 ÷ 2"), ranked);
    }

    @Test
    void thePlanFlagsOffTargetTeamsAndShowsTheErrorBudgetPolicy(VitalsPortal portal) {
        SignalStandIn.publish(portal, "slo", "error-budget", "green-api", SignalStatus.CRITICAL, "budget spent");
        String plan = portal.viewer().page("/p/priorities/plan?quarter=2027-Q1").expect(200).body();
        // green: 4 immediate foundation + 6 future innovation weeks = 40 % immediate: off target.
        assertTrue(plan.contains("off target"), plan);
        assertTrue(plan.contains("Error budget spent on green-api: feature work on these services is behind "
                + "reliability work"), plan);
        String team = portal.viewer().page("/teams/green").expect(200).body();
        assertTrue(team.contains("Error budget spent"), team);
        String tab = portal.viewer().page("/services/green-api?tab=priorities.backlog").expect(200).body();
        assertTrue(tab.contains("Retry once"), tab);
        assertTrue(tab.contains("Restore the error budget of green-api"), tab);
    }

    @Test
    void theInboxDecisionsAndTopPrioritiesPagesAnswerWithWhatToDoWhenEmpty(VitalsPortal portal) {
        assertTrue(portal.viewer().page("/p/priorities/inbox?state=dismissed").expect(200).body()
                .contains("No dismissed proposals"));
        assertTrue(portal.viewer().page("/p/priorities/decisions?owner=blue").expect(200).body()
                .contains("No decisions yet"));
        String top = portal.viewer().page("/p/priorities/top").expect(200).body();
        assertTrue(top.contains("Reliable checkout"), top);
        // One top theme: the other theme is work with no link to a top priority.
        String unlinked = top.substring(top.indexOf("Work with no link to a top priority"));
        assertTrue(unlinked.contains("Dark mode"), unlinked);
        assertFalse(unlinked.contains("Card retries"), unlinked);
    }

    @Test
    void theItemPageFormsEditTheChecklistAndItsRuleForTheTeamsEditorOnlyAndMarkABadServiceKey(VitalsPortal portal) {
        String base = "/p/priorities/items/" + items[3].id() + "/initiative";
        String api = "/api/priorities/items/" + items[3].id() + "/initiative";
        String empty = portal.editorOf("green").page("/p/priorities/items/" + items[3].id()).expect(200).body();
        assertTrue(empty.contains("action=\"" + base + "/add\""), empty);
        assertFalse(portal.viewer().page("/p/priorities/items/" + items[3].id()).expect(200).body()
                .contains(base + "/add"), "a viewer sees no form");

        assertEquals(403, portal.editorOf("blue").submit(base + "/add", Map.of("services", "blue-api")).status());
        PortalResponse added = portal.editorOf("green").submit(base + "/add",
                Map.of("services", "green-api, blue-api\nred-api green-api"));
        assertEquals(303, added.status(), added.body());
        assertEquals("/p/priorities/items/" + items[3].id() + "#initiative", added.header("Location").orElseThrow());
        assertEquals("Services added to the checklist of Dark mode.", added.confirmation().orElseThrow());
        assertEquals(List.of("blue-api", "green-api", "red-api"), services(portal, api), "each once, by key");

        PortalResponse unknown = portal.editorOf("green").submit(base + "/add",
                Map.of("services", "green-api no-such-api"));
        assertEquals(422, unknown.status(), unknown.body());
        String marked = unknown.body();
        String input = marked.substring(marked.indexOf("<input id=\"initiative-services\""));
        input = input.substring(0, input.indexOf('>'));
        assertTrue(input.contains("aria-invalid=\"true\"") && input.contains("initiative-services-error"), input);
        assertTrue(marked.contains("services[1] the catalog has no service no-such-api"), marked);
        assertTrue(marked.contains("value=\"green-api no-such-api\""), "what was typed stays: " + marked);
        assertFalse(marked.contains("style="), "no inline style attributes under the strict CSP");
        assertEquals(3, portal.viewer().get(api).expect(200).as(Initiative.class).total(), "nothing added");

        PortalResponse ticked = portal.editorOf("green").submit(base + "/tick",
                Map.of("service", "green-api", "done", "true"));
        assertEquals(303, ticked.status(), ticked.body());
        assertEquals("Checklist of Dark mode saved.", ticked.confirmation().orElseThrow());
        PortalResponse removed = portal.editorOf("green").submit(base + "/remove", Map.of("service", "red-api"));
        assertEquals(303, removed.status(), removed.body());
        assertEquals("Service removed from the checklist of Dark mode.", removed.confirmation().orElseThrow());
        Initiative after = portal.viewer().get(api).expect(200).as(Initiative.class);
        assertEquals(2, after.total());
        assertEquals(1, after.done());
        assertEquals(404, portal.editorOf("green").submit(base + "/remove", Map.of("service", "red-api")).status(),
                "a service no longer on the checklist");

        PortalResponse badNumber = portal.editorOf("green").submit(base + "/rule",
                Map.of("measure.name", "deploys.independent", "measure.atLeast", "one"));
        assertEquals(422, badNumber.status(), badNumber.body());
        assertTrue(badNumber.body().contains("id=\"rule-measure-at-least-error\""), badNumber.body());
        PortalResponse measure = portal.editorOf("green").submit(base + "/rule",
                Map.of("measure.name", "deploys.independent", "measure.atLeast", "1"));
        assertEquals(303, measure.status(), measure.body());
        assertEquals("Tick rule of Dark mode saved and applied.", measure.confirmation().orElseThrow());
        assertEquals("deploys.independent ≥ 1", portal.viewer().get(api).expect(200).as(Initiative.class).rule()
                .says());
        PortalResponse signal = portal.editorOf("green").submit(base + "/rule",
                Map.of("signal.plugin", "slo", "signal.kind", "error-budget", "signal.status", "OK"));
        assertEquals(303, signal.status(), signal.body());
        assertEquals("slo error-budget is OK", portal.viewer().get(api).expect(200).as(Initiative.class).rule()
                .says());
        PortalResponse stopped = portal.editorOf("green").submit(base + "/rule/stop", Map.of());
        assertEquals(303, stopped.status(), stopped.body());
        assertEquals("Dark mode no longer ticks by itself.", stopped.confirmation().orElseThrow());
        assertNull(portal.viewer().get(api).expect(200).as(Initiative.class).rule());
    }

    private static List<String> services(VitalsPortal portal, String api) {
        return portal.viewer().get(api).expect(200).as(Initiative.class).services().stream()
                .map(ChecklistEntry::service).toList();
    }
}
