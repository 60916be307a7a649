package dev.vitals.plugins.priorities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.vitals.api.SignalStatus;
import dev.vitals.plugins.priorities.backlog.Item;
import dev.vitals.plugins.priorities.evidence.Proposal;
import dev.vitals.plugins.priorities.plan.TeamPlan;
import dev.vitals.testkit.PortalResponse;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Proposals from real signals: stand-ins publish under the ids of the SLO, deploys, graph and cost plugins through
 * the portal, and the priorities plugin hears them as it hears the real ones.
 */
class ProposalsTest {

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .alsoLoad(SignalStandIn.module("slo"))
            .alsoLoad(SignalStandIn.module("deploys"))
            .alsoLoad(SignalStandIn.module("graph"))
            .alsoLoad(SignalStandIn.module("cost"))
            .catalog(PrioritiesCatalog.of())
            .build();

    private static List<Proposal> proposals(VitalsPortal portal, String query) {
        return portal.viewer().get("/api/priorities/proposals?" + query).expect(200).as(Proposal.Page.class)
                .proposals();
    }

    @Test
    void aSpentBudgetProposesOnceIsRaisedAgainOnlyAfterClearingAndIsAcceptedOrDismissedByItsTeam(
            VitalsPortal portal) {
        SignalStandIn.publish(portal, "slo", "error-budget", "green-api", SignalStatus.CRITICAL,
                "checkout: budget spent — prioritise reliability (-12.0 % of the error budget left)");
        List<Proposal> open = proposals(portal, "subject=green-api&kind=error-budget");
        assertEquals(1, open.size());
        Proposal first = open.get(0);
        assertEquals("group:default/green", first.owner());
        assertEquals("Restore the error budget of green-api", first.title());
        assertEquals("slo", first.evidence().plugin());
        assertEquals("CRITICAL", first.evidence().status());
        assertEquals("/services/green-api", first.evidence().link());

        // Still burning: the same proposal, its evidence refreshed.
        SignalStandIn.publish(portal, "slo", "error-budget", "green-api", SignalStatus.WARN, "checkout: 4 % left");
        open = proposals(portal, "subject=green-api&kind=error-budget");
        assertEquals(1, open.size());
        assertEquals(first.id(), open.get(0).id());
        assertEquals("checkout: 4 % left", open.get(0).evidence().summary());

        String dismiss = "/api/priorities/proposals/" + first.id() + "/dismiss";
        assertEquals(403, portal.editorOf("blue").post(dismiss, "{\"reason\": \"not ours\"}").status());
        PortalResponse noReason = portal.editorOf("green").post(dismiss, "{}");
        assertEquals(422, noReason.status(), noReason.body());
        Proposal dismissed = portal.editorOf("green").post(dismiss, "{\"reason\": \"a planned load test\"}")
                .expect(200).as(Proposal.class);
        assertEquals("dismissed", dismissed.state());
        assertEquals("green-editor", dismissed.decidedBy());

        // While the evidence stands, a dismissed proposal stays dismissed.
        SignalStandIn.publish(portal, "slo", "error-budget", "green-api", SignalStatus.CRITICAL, "spent");
        assertEquals(List.of(), proposals(portal, "subject=green-api&kind=error-budget"));

        // It clears, then comes back: raised again.
        SignalStandIn.publish(portal, "slo", "error-budget", "green-api", SignalStatus.OK, "80 % left");
        SignalStandIn.publish(portal, "slo", "error-budget", "green-api", SignalStatus.UNKNOWN, "no data");
        assertEquals(List.of(), proposals(portal, "subject=green-api&kind=error-budget"));
        SignalStandIn.publish(portal, "slo", "error-budget", "green-api", SignalStatus.CRITICAL, "spent again");
        List<Proposal> again = proposals(portal, "subject=green-api&kind=error-budget");
        assertEquals(1, again.size());
        assertEquals(2, proposals(portal, "subject=green-api&kind=error-budget&state=all").size());

        Item theme = portal.editorOf("green").post("/api/priorities/items", """
                [{"key": "G-T", "title": "Reliable checkout", "level": "theme", "owner": "green",
                  "horizon": "immediate", "investment": "foundation"},
                 {"key": "G-E", "title": "Budgets", "level": "epic", "parentKey": "G-T", "owner": "green",
                  "horizon": "immediate", "investment": "foundation"},
                 {"key": "G-F", "title": "Checkout reliability", "level": "feature", "parentKey": "G-E",
                  "owner": "green", "horizon": "immediate", "investment": "foundation"}]""").expect(201)
                .as(Item[].class)[2];
        String accept = "/api/priorities/proposals/" + again.get(0).id() + "/accept";
        assertEquals(403, portal.editorOf("blue").post(accept, "{\"parent\": " + theme.id() + "}").status());
        Proposal accepted = portal.editorOf("green").post(accept, """
                {"parent": %d, "quarter": "2027-Q1", "estimateWeeks": 2}""".formatted(theme.id())).expect(200)
                .as(Proposal.class);
        assertEquals("accepted", accepted.state());
        assertNotNull(accepted.item());
        Item story = portal.viewer().get("/api/priorities/items/" + accepted.item()).expect(200).as(Item.class);
        assertEquals("story", story.level());
        assertEquals(theme.id(), story.parent());
        assertEquals("group:default/green", story.owner());
        assertEquals(List.of("green-api"), story.services());
        assertEquals("foundation", story.investment());
        assertEquals(409, portal.editorOf("green").post(accept, "{\"parent\": " + theme.id() + "}").status());
    }

    @Test
    void doraCostAndGraphSignalsProposeTheirOwnKindsAndUnrelatedSignalsNothing(VitalsPortal portal) {
        SignalStandIn.publish(portal, "deploys", "dora", "blue-api", SignalStatus.WARN,
                "deploys rarely (1 production deploys in 30 days)");
        SignalStandIn.publish(portal, "cost", "cost-anomaly", "blue-api", SignalStatus.CRITICAL,
                "spend 3.1 × the expected");
        SignalStandIn.publish(portal, "graph", "dependency-rules", "red-api", SignalStatus.WARN,
                "in a dependency cycle of 2 nodes; tier 1 depends on tier 2: component:default/red-api → "
                        + "component:default/blue-api");
        SignalStandIn.publish(portal, "slo", "availability", "red-api", SignalStatus.CRITICAL, "not a budget");
        SignalStandIn.publish(portal, "deploys", "dora", "red-api", SignalStatus.OK, "fine");

        assertEquals(List.of("cost-anomaly", "dora-low-band"), proposals(portal, "subject=blue-api").stream()
                .map(Proposal::kind).sorted().toList());
        assertEquals(List.of("dependency-cycle", "tier-violation"), proposals(portal, "subject=red-api").stream()
                .map(Proposal::kind).sorted().toList());

        // The cycle is gone, the tier violation stays: only the cycle's proposal is marked cleared.
        SignalStandIn.publish(portal, "graph", "dependency-rules", "red-api", SignalStatus.WARN,
                "tier 1 depends on tier 2: component:default/red-api → component:default/blue-api");
        List<Proposal> red = proposals(portal, "subject=red-api");
        assertNotNull(red.stream().filter(p -> p.kind().equals("dependency-cycle")).findFirst().orElseThrow()
                .clearedAt());
        assertNull(red.stream().filter(p -> p.kind().equals("tier-violation")).findFirst().orElseThrow()
                .clearedAt());
        assertEquals(List.of("group:default/blue"), proposals(portal, "owner=blue").stream().map(Proposal::owner)
                .distinct().toList());
    }

    @Test
    void aSpentBudgetCountsForTheTeamTheCatalogNamesNowNotTheOneItNamedBefore(VitalsPortal portal) {
        SignalStandIn.publish(portal, "slo", "error-budget", "violet-api", SignalStatus.CRITICAL, "budget spent");
        assertEquals(List.of(), reliabilityFirst(portal, "group:default/red"),
                "a service the catalog does not know yet belongs to no team");

        portal.importCatalog(PrioritiesCatalog.of().service("violet-api", "red"));
        assertEquals(List.of("violet-api"), reliabilityFirst(portal, "group:default/red"),
                "the owners kept for the plan are read again once the catalog changed");
    }

    @Test
    void aBudgetLeavesThePlanTheMomentItRecoversAndTheHourlyHearingRestoresWhatWasNotHeard(VitalsPortal portal) {
        portal.importCatalog(PrioritiesCatalog.of().team("amber").service("amber-api", "amber")
                .service("amber-db", "amber").service("amber-web", "amber").team("teal").service("teal-api", "teal"));
        SignalStandIn.publish(portal, "slo", "error-budget", "amber-api", SignalStatus.CRITICAL, "spent");
        SignalStandIn.publish(portal, "slo", "error-budget", "amber-db", SignalStatus.CRITICAL, "spent");
        SignalStandIn.publish(portal, "slo", "error-budget", "amber-web", SignalStatus.WARN, "5 % left");
        SignalStandIn.publish(portal, "slo", "error-budget", "teal-api", SignalStatus.CRITICAL, "spent");
        SignalStandIn.publish(portal, "slo", "availability", "teal-api", SignalStatus.OK, "not a budget");
        assertEquals(List.of("amber-api", "amber-db"), reliabilityFirst(portal, "group:default/amber"),
                "two of amber's three budgets are spent; one running low is not spent");
        assertEquals(List.of("teal-api"), reliabilityFirst(portal, "group:default/teal"));

        SignalStandIn.publish(portal, "slo", "error-budget", "amber-api", SignalStatus.OK, "recovered");
        assertEquals(List.of("amber-db"), reliabilityFirst(portal, "group:default/amber"),
                "a recovered budget leaves the plan with its signal");
        SignalStandIn.publish(portal, "slo", "error-budget", "amber-db", SignalStatus.UNKNOWN, "no data");
        assertEquals(List.of(), reliabilityFirst(portal, "group:default/amber"),
                "only a budget whose latest verdict is spent counts");

        // As after an upgrade, or signals published while the plugin was switched off: nothing kept yet.
        assertEquals(4, (int) portal.pluginJdbi().withHandle(h -> h.execute(
                "DELETE FROM budget_verdicts WHERE subject LIKE 'component:default/amber-%' OR subject LIKE '%teal%'")));
        assertEquals(List.of(), reliabilityFirst(portal, "group:default/teal"));
        portal.runJob("hear-missed-signals");
        assertEquals(List.of("teal-api"), reliabilityFirst(portal, "group:default/teal"),
                "the hourly hearing keeps the latest verdicts again");
        assertEquals(List.of(), reliabilityFirst(portal, "group:default/amber"));
    }

    private static List<String> reliabilityFirst(VitalsPortal portal, String team) {
        return portal.viewer().get("/api/priorities/plan?quarter=2027-Q1").expect(200).as(TeamPlan.View.class)
                .teams().stream().filter(t -> t.capacity().team().equals(team)).findFirst().orElseThrow()
                .reliabilityFirst();
    }
}
