package dev.vitals.plugins.graph.answers;

import static dev.vitals.plugins.graph.answers.Graphs.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.EntityRef;
import dev.vitals.plugins.graph.api.ReachJson;
import dev.vitals.plugins.graph.model.DependencyGraph;
import dev.vitals.plugins.graph.model.Direction;
import dev.vitals.plugins.graph.model.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ReachJsonTest {

    private static DependencyGraph payments() {
        // shop and cart reach the database through the API (two providers); admin directly.
        return Graphs.of().service("shop", "web", "production").service("cart", "web", "production")
                .service("admin", "ops", "production").service("pay-eu", "payments", "production")
                .service("pay-us", "payments", "production").node("api:payments").node("resource:db")
                .consumes("shop", "api:payments").consumes("cart", "api:payments")
                .provides("pay-eu", "api:payments").provides("pay-us", "api:payments")
                .dependsOn("pay-eu", "resource:db").dependsOn("pay-us", "resource:db").dependsOn("admin", "resource:db")
                .build();
    }

    @Test
    void aLimitListsTheNearestNodesByReferenceAndStillNamesEveryTeamAndTheTotal() {
        DependencyGraph graph = payments();
        Reach reach = Reach.walk(graph, at(graph, "resource:db"), Direction.DEPENDENTS, OptionalInt.empty());

        ReachJson answer = ReachJson.of(graph, reach, 2);

        assertEquals(List.of("component:default/admin", "component:default/pay-eu"),
                answer.nodes().stream().map(ReachJson.Reached::ref).toList());
        assertEquals(List.of(1, 1), answer.nodes().stream().map(ReachJson.Reached::distance).toList());
        assertEquals(List.of("group:default/ops", "group:default/payments", "group:default/web"), answer.teams());
        assertEquals(6, answer.total());
        assertTrue(answer.truncated());
    }

    @Test
    void withoutALimitEveryNodeIsListedOnceAtItsShortestDistanceAndNothingIsTruncated() {
        DependencyGraph graph = payments();
        Reach reach = Reach.walk(graph, at(graph, "resource:db"), Direction.DEPENDENTS, OptionalInt.empty());

        ReachJson answer = ReachJson.of(graph, reach, 6);

        assertEquals(List.of("component:default/admin:1", "component:default/pay-eu:1", "component:default/pay-us:1",
                "api:default/payments:2", "component:default/cart:3", "component:default/shop:3"),
                answer.nodes().stream().map(n -> n.ref() + ":" + n.distance()).toList());
        assertFalse(answer.truncated());
        assertEquals(6, answer.total());
    }

    @Test
    void theAnswerIsTheOneSortedByDistanceThenReferenceOnRandomGraphs() {
        Random random = new Random(29);
        for (int round = 0; round < 40; round++) {
            DependencyGraph graph = TeamMapTest.randomOrganisation(random);
            int start = random.nextInt(graph.size());
            Direction direction = random.nextBoolean() ? Direction.DEPENDENTS : Direction.DEPENDENCIES;
            OptionalInt depth = random.nextBoolean() ? OptionalInt.empty() : OptionalInt.of(1 + random.nextInt(3));
            Reach reach = Reach.walk(graph, start, direction, depth);
            int limit = 1 + random.nextInt(graph.size() + 2);

            ReachJson answer = ReachJson.of(graph, reach, limit);

            List<ReachJson.Reached> sorted = new ArrayList<>();
            TreeSet<String> teams = new TreeSet<>();
            for (int i = 0; i < reach.count(); i++) {
                Node node = graph.node(reach.reached()[i]);
                sorted.add(new ReachJson.Reached(node.ref().toString(), reach.distance()[i],
                        node.owner().map(EntityRef::toString)));
                node.owner().ifPresent(owner -> teams.add(owner.toString()));
            }
            sorted.sort(Comparator.comparingInt(ReachJson.Reached::distance).thenComparing(ReachJson.Reached::ref));
            assertEquals(sorted.subList(0, Math.min(limit, sorted.size())), answer.nodes(), "round " + round);
            assertEquals(List.copyOf(teams), answer.teams(), "round " + round);
            assertEquals(reach.count(), answer.total());
            assertEquals(reach.truncated() || limit < reach.count(), answer.truncated(), "round " + round);
        }
    }

    @Test
    void walksThatReuseTheirArraysAnswerAsAFreshWalkDoes() {
        Random random = new Random(31);
        for (int round = 0; round < 20; round++) {
            DependencyGraph graph = TeamMapTest.randomOrganisation(random);
            Walks walks = new Walks(graph);
            for (int ask = 0; ask < 5; ask++) {
                int start = random.nextInt(graph.size());
                Direction direction = random.nextBoolean() ? Direction.DEPENDENTS : Direction.DEPENDENCIES;
                OptionalInt depth = random.nextBoolean() ? OptionalInt.empty() : OptionalInt.of(1 + random.nextInt(3));
                int limit = 1 + random.nextInt(graph.size() + 2);

                ReachJson reused = walks.walk(start, direction, depth, walked -> ReachJson.of(graph, walked, limit));

                assertEquals(ReachJson.of(graph, Reach.walk(graph, start, direction, depth), limit), reused,
                        "round " + round + ", ask " + ask);
            }
        }
    }
}
