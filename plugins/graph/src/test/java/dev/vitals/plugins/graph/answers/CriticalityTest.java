package dev.vitals.plugins.graph.answers;

import static dev.vitals.plugins.graph.answers.Graphs.at;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.plugins.graph.model.DependencyGraph;
import java.util.Random;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.junit.jupiter.api.Test;

class CriticalityTest {

    @Test
    void theBottomOfADiamondIsMostCriticalWithEveryOtherNodeAsDependent() {
        DependencyGraph graph = Graphs.of().node("top").node("left").node("right").node("bottom")
                .dependsOn("top", "left", "right").dependsOn("left", "bottom").dependsOn("right", "bottom").build();

        Criticality criticality = Criticality.of(graph);

        assertEquals(at(graph, "bottom"), criticality.ranking(1).get(0));
        assertEquals(3, criticality.dependents()[at(graph, "bottom")]);
        assertEquals(1, criticality.dependents()[at(graph, "left")]);
        assertEquals(0, criticality.dependents()[at(graph, "top")]);
        assertTrue(criticality.pageRank()[at(graph, "bottom")] > criticality.pageRank()[at(graph, "top")]);
    }

    @Test
    void nodesInACycleCountEachOtherButNotThemselves() {
        DependencyGraph graph = Graphs.of().node("a").node("b").dependsOn("a", "b").dependsOn("b", "a", "b").build();

        Criticality criticality = Criticality.of(graph);

        assertEquals(1, criticality.dependents()[at(graph, "a")]);
        assertEquals(1, criticality.dependents()[at(graph, "b")]);
    }

    @Test
    void exactBetweennessMatchesJGraphTsOnRandomGraphs() {
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            DependencyGraph graph = RandomGraphs.dependencies(random, 2 + random.nextInt(30), random.nextInt(80));

            Betweenness ours = Betweenness.of(graph);
            double[] theirs = new double[graph.size()];
            new BetweennessCentrality<>(DependencyEdges.of(graph)).getScores()
                    .forEach((node, score) -> theirs[node] = score);

            assertFalse(ours.sampled());
            assertArrayEquals(theirs, ours.scores(), 1e-9, "round " + round);
        }
    }

    @Test
    void aSampleOfAllNodesGivesTheExactBetweennessAndASmallerOneIsMarkedSampled() {
        DependencyGraph graph = RandomGraphs.dependencies(new Random(3), 40, 120);
        int[] all = new int[graph.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }

        assertArrayEquals(Betweenness.of(graph).scores(), Betweenness.from(graph, all).scores(), 1e-9);
        assertTrue(Betweenness.from(graph, new int[] {0, 1, 2}).sampled());
    }
}
