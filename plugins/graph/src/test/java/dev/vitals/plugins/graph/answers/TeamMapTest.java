package dev.vitals.plugins.graph.answers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vitals.api.EntityRef;
import dev.vitals.plugins.graph.model.DependencyGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

class TeamMapTest {

    private static DependencyGraph organisation() {
        return Graphs.of()
                .service("shop", "web", "production").service("cart", "web", "production")
                .service("pay", "payments", "production").service("ledger", "payments", "production")
                .service("auth", "identity", "production").node("api:pay-api").node("resource:pay-db").node("program:checkout")
                // shop → pay twice (directly and through the API): one pair.
                .dependsOn("shop", "pay").consumes("shop", "api:pay-api").provides("pay", "api:pay-api")
                .dependsOn("cart", "ledger", "auth").dependsOn("pay", "auth", "resource:pay-db")
                .dependsOn("shop", "cart")
                .stakeholder("program:checkout", "web", "sponsor")
                .build();
    }

    @Test
    void aTeamEdgeCountsDistinctServicePairsAndLeavesOutATeamsOwnPairs() {
        TeamMap map = TeamMap.of(organisation());

        assertEquals(List.of(
                new TeamMap.TeamEdge("group:default/web", "group:default/payments", 2),
                new TeamMap.TeamEdge("group:default/payments", "group:default/identity", 1),
                new TeamMap.TeamEdge("group:default/web", "group:default/identity", 1)), map.edges());
        assertEquals(List.of(
                new TeamMap.Team("group:default/identity", 2, 0),
                new TeamMap.Team("group:default/payments", 1, 1),
                new TeamMap.Team("group:default/web", 0, 2)), map.teams());
    }

    @Test
    void aProgramsHiddenStakeholdersAreTheTeamsItsTeamsServicesDependOnUnnamed() {
        Stakeholders stakeholders = Stakeholders.of(organisation(), EntityRef.of("program", "checkout"))
                .orElseThrow();

        assertEquals(List.of(new Stakeholders.Stakeholder("group:default/web", "sponsor",
                List.of("component:default/cart", "component:default/shop"))), stakeholders.stakeholders());
        assertEquals(List.of(
                new Stakeholders.HiddenStakeholder("group:default/identity", List.of("component:default/auth")),
                new Stakeholders.HiddenStakeholder("group:default/payments",
                        List.of("component:default/ledger", "component:default/pay"))), stakeholders.hidden());
    }
}
