package dev.vitals.plugins.graph.answers;

import static dev.vitals.plugins.graph.answers.Graphs.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.plugins.graph.model.DependencyGraph;
import dev.vitals.plugins.graph.model.Direction;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ReachTest {

    /** Node name (without kind prefix for components) to distance. */
    private static Map<String, Integer> distances(DependencyGraph graph, Reach reach) {
        Map<String, Integer> out = new TreeMap<>();
        for (int i = 0; i < reach.count(); i++) {
            out.put(graph.node(reach.reached()[i]).ref().toString(), reach.distance()[i]);
        }
        return out;
    }

    private static DependencyGraph diamond() {
        // top depends on left and right, both depend on bottom.
        return Graphs.of().node("top").node("left").node("right").node("bottom")
                .dependsOn("top", "left", "right").dependsOn("left", "bottom").dependsOn("right", "bottom").build();
    }

    @Test
    void theBlastRadiusOfADiamondsBottomListsTheTopOnceAtItsShortestDistance() {
        DependencyGraph graph = diamond();

        Reach reach = Reach.walk(graph, at(graph, "bottom"), Direction.DEPENDENTS, OptionalInt.empty());

        assertEquals(Map.of("component:default/left", 1, "component:default/right", 1, "component:default/top", 2),
                distances(graph, reach));
        assertFalse(reach.truncated());
    }

    @Test
    void aDepthLimitThatCutsADiamondKeepsBothSidesAndSaysItWasCut() {
        DependencyGraph graph = diamond();

        Reach reach = Reach.walk(graph, at(graph, "bottom"), Direction.DEPENDENTS, OptionalInt.of(1));

        assertEquals(Map.of("component:default/left", 1, "component:default/right", 1), distances(graph, reach));
        assertTrue(reach.truncated());
    }

    @Test
    void aDepthLimitThatReachesEverythingIsNotTruncated() {
        DependencyGraph graph = diamond();

        assertFalse(Reach.walk(graph, at(graph, "bottom"), Direction.DEPENDENTS, OptionalInt.of(2)).truncated());
    }

    @Test
    void aConsumerReachesBothProvidersOfAnApiInTwoHopsWithTheApiOnTheWay() {
        DependencyGraph graph = Graphs.of().node("shop").node("pay-eu").node("pay-us").node("api:payments")
                .consumes("shop", "api:payments").provides("pay-eu", "api:payments").provides("pay-us", "api:payments")
                .build();

        Reach reach = Reach.walk(graph, at(graph, "shop"), Direction.DEPENDENCIES, OptionalInt.empty());

        assertEquals(Map.of("api:default/payments", 1, "component:default/pay-eu", 2, "component:default/pay-us", 2),
                distances(graph, reach));
    }

    @Test
    void theBlastRadiusOfAProviderIsItsApiAndTheApisConsumers() {
        DependencyGraph graph = Graphs.of().node("shop").node("pay-eu").node("pay-us").node("api:payments")
                .consumes("shop", "api:payments").provides("pay-eu", "api:payments").provides("pay-us", "api:payments")
                .build();

        Reach reach = Reach.walk(graph, at(graph, "pay-us"), Direction.DEPENDENTS, OptionalInt.of(2));

        assertEquals(Map.of("api:default/payments", 1, "component:default/shop", 2), distances(graph, reach));
    }

    @Test
    void aDanglingReferenceIsANodeMarkedMissingThatTheWalkReaches() {
        DependencyGraph graph = Graphs.of().node("shop").dependsOn("shop", "resource:ghost-db").build();

        Reach reach = Reach.walk(graph, at(graph, "shop"), Direction.DEPENDENCIES, OptionalInt.empty());

        assertEquals(Map.of("resource:default/ghost-db", 1), distances(graph, reach));
        assertEquals(List.of("resource:default/ghost-db"),
                graph.missing().stream().map(n -> n.ref().toString()).toList());
    }

    @Test
    void aSelfLoopDoesNotListTheStartAmongItsOwnDependents() {
        DependencyGraph graph = Graphs.of().node("loop").node("user").dependsOn("loop", "loop")
                .dependsOn("user", "loop").build();

        Reach reach = Reach.walk(graph, at(graph, "loop"), Direction.DEPENDENTS, OptionalInt.empty());

        assertEquals(Map.of("component:default/user", 1), distances(graph, reach));
    }
}
