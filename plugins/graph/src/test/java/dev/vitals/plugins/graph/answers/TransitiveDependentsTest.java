package dev.vitals.plugins.graph.answers;

import static dev.vitals.plugins.graph.answers.Graphs.at;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vitals.plugins.graph.model.DependencyGraph;
import dev.vitals.plugins.graph.model.Direction;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TransitiveDependentsTest {

    @Test
    void theBottomOfADiamondHasTheThreeOthersAsDependentsCountedOnce() {
        DependencyGraph graph = Graphs.of().node("top").node("left").node("right").node("bottom")
                .dependsOn("top", "left", "right").dependsOn("left", "bottom").dependsOn("right", "bottom").build();

        int[] dependents = TransitiveDependents.of(graph);

        assertEquals(3, dependents[at(graph, "bottom")]);
        assertEquals(1, dependents[at(graph, "left")]);
        assertEquals(1, dependents[at(graph, "right")]);
        assertEquals(0, dependents[at(graph, "top")]);
    }

    @Test
    void twoCyclesSharingANodeCountEachOtherAndWhatDependsOnThemButNeverThemselves() {
        DependencyGraph graph = Graphs.of().node("a").node("b").node("c").node("free").node("loop").node("under")
                .dependsOn("a", "b").dependsOn("b", "a", "c").dependsOn("c", "b").dependsOn("free", "a")
                .dependsOn("c", "loop").dependsOn("loop", "loop", "under").build();

        int[] dependents = TransitiveDependents.of(graph);

        // a, b and c reach each other; free reaches all three.
        assertEquals(3, dependents[at(graph, "a")]);
        assertEquals(3, dependents[at(graph, "b")]);
        assertEquals(3, dependents[at(graph, "c")]);
        assertEquals(0, dependents[at(graph, "free")]);
        assertEquals(4, dependents[at(graph, "loop")]);
        assertEquals(5, dependents[at(graph, "under")]);
    }

    @Test
    void bothProvidersOfAnApiHaveTheApiAndItsConsumerAsDependentsAndOneServiceDependent() {
        DependencyGraph graph = Graphs.of().node("shop").node("api:payments").node("pay-eu").node("pay-us")
                .consumes("shop", "api:payments").provides("pay-eu", "api:payments").provides("pay-us", "api:payments")
                .build();

        int[] dependents = TransitiveDependents.of(graph);
        int[] services = TransitiveDependents.services(graph);

        assertEquals(2, dependents[at(graph, "pay-eu")]);
        assertEquals(2, dependents[at(graph, "pay-us")]);
        assertEquals(1, dependents[at(graph, "api:payments")]);
        assertEquals(1, services[at(graph, "pay-eu")]);
        assertEquals(1, services[at(graph, "api:payments")]);
        assertEquals(0, services[at(graph, "shop")]);
    }

    @Test
    void theCountsAreThoseOfOneWalkPerNodeOnRandomGraphs() {
        Random random = new Random(5);
        for (int round = 0; round < 40; round++) {
            DependencyGraph graph = RandomGraphs.anyRelations(random, 1 + random.nextInt(60), random.nextInt(200));

            assertArrayEquals(walkPerNode(graph, false), TransitiveDependents.of(graph), "round " + round);
            assertArrayEquals(walkPerNode(graph, true), TransitiveDependents.services(graph), "round " + round);
        }
    }

    @Test
    void theCountsAreThoseOfOneWalkPerNodeAcrossSeveralBlocksOfNodes() {
        // More nodes than one block of bitsets holds (4,096), so that sets are carried block by block.
        DependencyGraph graph = RandomGraphs.anyRelations(new Random(9), 4_500, 6_000);

        assertArrayEquals(walkPerNode(graph, false), TransitiveDependents.of(graph));
    }

    private static int[] walkPerNode(DependencyGraph graph, boolean servicesOnly) {
        int[] counts = new int[graph.size()];
        for (int v = 0; v < graph.size(); v++) {
            for (int reached : Reach.walk(graph, v, Direction.DEPENDENTS, OptionalInt.empty()).reached()) {
                if (!servicesOnly || graph.node(reached).isService()) {
                    counts[v]++;
                }
            }
        }
        return counts;
    }
}
