package dev.vitals.plugins.priorities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.SignalStatus;
import dev.vitals.plugins.priorities.backlog.Item;
import dev.vitals.plugins.priorities.backlog.ItemList;
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
}
