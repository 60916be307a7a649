package dev.vitals.plugins.graph.answers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vitals.api.EntityRef;
import dev.vitals.plugins.graph.model.DependencyGraph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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

    @Test
    void theMapIsTheOneCountedPairByPairOnRandomOrganisationsWithApisOfTwoProviders() {
        Random random = new Random(17);
        for (int round = 0; round < 40; round++) {
            DependencyGraph graph = randomOrganisation(random);

            assertEquals(countedPairByPair(graph), TeamMap.of(graph), "round " + round);
            Set<ServicePairs.Pair> packed = new HashSet<>();
            for (long pair : ServicePairs.packed(graph)) {
                packed.add(new ServicePairs.Pair(ServicePairs.from(pair), ServicePairs.to(pair)));
            }
            assertEquals(ServicePairs.of(graph), packed, "round " + round);
        }
    }

    /** Services of four teams (one unowned), APIs with one or two providers, resources, loops and repeats. */
    static DependencyGraph randomOrganisation(Random random) {
        Graphs graphs = Graphs.of();
        int services = 2 + random.nextInt(25);
        int apis = random.nextInt(6);
        for (int i = 0; i < services; i++) {
            if (i % 7 == 6) {
                graphs.node("s" + i);
            } else {
                graphs.service("s" + i, "team-" + random.nextInt(4), "production");
            }
        }
        for (int a = 0; a < apis; a++) {
            graphs.node("api:a" + a).provides("s" + random.nextInt(services), "api:a" + a);
            if (random.nextBoolean()) {
                graphs.provides("s" + random.nextInt(services), "api:a" + a);
            }
        }
        graphs.node("resource:db");
        for (int e = random.nextInt(3 * services); e > 0; e--) {
            String from = "s" + random.nextInt(services);
            int what = random.nextInt(10);
            if (what < 6) {
                graphs.dependsOn(from, "s" + random.nextInt(services));
            } else if (what < 9 && apis > 0) {
                graphs.consumes(from, "api:a" + random.nextInt(apis));
            } else {
                graphs.dependsOn(from, "resource:db");
            }
        }
        return graphs.build();
    }

    /** The team map as first written: boxed pairs, counted per pair into maps keyed by the teams' references. */
    private static TeamMap countedPairByPair(DependencyGraph graph) {
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (ServicePairs.Pair pair : ServicePairs.of(graph)) {
            Optional<EntityRef> from = graph.node(pair.from()).owner();
            Optional<EntityRef> to = graph.node(pair.to()).owner();
            if (from.isPresent() && to.isPresent() && !from.equals(to)) {
                counts.computeIfAbsent(from.get().toString(), t -> new TreeMap<>())
                        .merge(to.get().toString(), 1, Integer::sum);
            }
        }
        List<TeamMap.TeamEdge> edges = new ArrayList<>();
        Map<String, Set<String>> in = new TreeMap<>();
        Map<String, Set<String>> out = new TreeMap<>();
        counts.forEach((from, targets) -> targets.forEach((to, count) -> {
            edges.add(new TeamMap.TeamEdge(from, to, count));
            out.computeIfAbsent(from, t -> new TreeSet<>()).add(to);
            in.computeIfAbsent(to, t -> new TreeSet<>()).add(from);
            out.computeIfAbsent(to, t -> new TreeSet<>());
            in.computeIfAbsent(from, t -> new TreeSet<>());
        }));
        edges.sort(Comparator.comparingInt((TeamMap.TeamEdge e) -> -e.count()).thenComparing(TeamMap.TeamEdge::from)
                .thenComparing(TeamMap.TeamEdge::to));
        return new TeamMap(edges, in.keySet().stream()
                .map(t -> new TeamMap.Team(t, in.get(t).size(), out.get(t).size())).toList());
    }
}
