package dev.vitals.plugins.graph.answers;

import static dev.vitals.plugins.graph.answers.Graphs.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.vitals.plugins.graph.model.DependencyGraph;
import dev.vitals.plugins.graph.model.Edge;
import dev.vitals.plugins.graph.model.Node;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.junit.jupiter.api.Test;

class StrongComponentsTest {

    @Test
    void twoCyclesSharingANodeAreOneComponentAndADiamondIsFourComponents() {
        DependencyGraph graph = Graphs.of().node("a").node("b").node("c").node("top").node("l").node("r")
                .node("bottom").dependsOn("a", "b").dependsOn("b", "a", "c").dependsOn("c", "b")
                .dependsOn("top", "l", "r").dependsOn("l", "bottom").dependsOn("r", "bottom").build();

        StrongComponents components = StrongComponents.of(graph);

        assertEquals(5, components.count());
        int abc = components.component()[at(graph, "a")];
        assertEquals(abc, components.component()[at(graph, "b")]);
        assertEquals(abc, components.component()[at(graph, "c")]);
        assertEquals(3, components.size()[abc]);
        assertNotEquals(components.component()[at(graph, "l")], components.component()[at(graph, "r")]);
    }

    @Test
    void aComponentIsNumberedAfterEverythingItDependsOn() {
        DependencyGraph graph = Graphs.of().node("top").node("mid").node("bottom").node("loop")
                .dependsOn("top", "mid").dependsOn("mid", "bottom", "loop").dependsOn("loop", "loop").build();

        int[] component = StrongComponents.of(graph).component();

        assertEquals(true, component[at(graph, "top")] > component[at(graph, "mid")]);
        assertEquals(true, component[at(graph, "mid")] > component[at(graph, "bottom")]);
        assertEquals(true, component[at(graph, "mid")] > component[at(graph, "loop")]);
    }

    @Test
    void aChainFiftyThousandDeepClosedIntoOneCycleIsWalkedWithoutOverflowingTheStack() {
        int n = 50_000;
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            nodes.add(Node.known(Graphs.ref("s" + i)));
            edges.add(new Edge(Graphs.ref("s" + i), Graphs.ref("s" + (i + 1) % n), "dependsOn", Optional.empty()));
        }
        DependencyGraph graph = DependencyGraph.of(nodes, edges, List.of());

        StrongComponents components = StrongComponents.of(graph);

        assertEquals(1, components.count());
        assertEquals(n, components.size()[0]);
    }

    @Test
    void theComponentsAreJGraphTsOnRandomGraphsWithLoopsAndRepeatedEdges() {
        Random random = new Random(11);
        for (int round = 0; round < 40; round++) {
            DependencyGraph graph = RandomGraphs.anyRelations(random, 1 + random.nextInt(40), random.nextInt(120));

            StrongComponents ours = StrongComponents.of(graph);
            Set<Set<Integer>> theirs = new HashSet<>(
                    new KosarajuStrongConnectivityInspector<>(DependencyEdges.of(graph)).stronglyConnectedSets());

            Set<Set<Integer>> mine = new HashSet<>();
            for (int[] members : Cycles.members(ours)) {
                Set<Integer> set = new HashSet<>();
                for (int v : members) {
                    set.add(v);
                }
                mine.add(set);
            }
            assertEquals(theirs, mine, "round " + round);
            for (int v = 0; v < graph.size(); v++) {
                for (int w : graph.dependenciesOf(v)) {
                    assertEquals(true, ours.component()[v] >= ours.component()[w], "round " + round);
                }
            }
        }
    }
}
