package dev.vitals.plugins.graph.answers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vitals.plugins.graph.model.DependencyGraph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.GabowStrongConnectivityInspector;
import org.jgrapht.graph.DefaultEdge;
import org.junit.jupiter.api.Test;

class CyclesTest {

    @Test
    void twoCyclesSharingANodeAreOneComponentListedBeforeASmallerCycle() {
        DependencyGraph graph = Graphs.of().node("a").node("b").node("c").node("x").node("y").node("free")
                .dependsOn("a", "b").dependsOn("b", "a", "c").dependsOn("c", "b")
                .dependsOn("x", "y").dependsOn("y", "x").dependsOn("free", "a").build();

        assertEquals(List.of(
                List.of("component:default/a", "component:default/b", "component:default/c"),
                List.of("component:default/x", "component:default/y")), Cycles.of(graph));
    }

    @Test
    void aNodeThatDependsOnItselfIsACycleOfOne() {
        DependencyGraph graph = Graphs.of().node("loop").node("plain").dependsOn("loop", "loop")
                .dependsOn("plain", "loop").build();

        assertEquals(List.of(List.of("component:default/loop")), Cycles.of(graph));
    }

    @Test
    void aCycleThroughAnApiCountsBecauseTheApiLeadsToItsProvider() {
        DependencyGraph graph = Graphs.of().node("a").node("b").node("api:b-api")
                .dependsOn("b", "a").consumes("a", "api:b-api").provides("b", "api:b-api").build();

        assertEquals(List.of(List.of("api:default/b-api", "component:default/a", "component:default/b")),
                Cycles.of(graph));
    }

    @Test
    void aDiamondHasNoCycle() {
        DependencyGraph graph = Graphs.of().node("top").node("l").node("r").node("bottom")
                .dependsOn("top", "l", "r").dependsOn("l", "bottom").dependsOn("r", "bottom").build();

        assertEquals(List.of(), Cycles.of(graph));
    }

    @Test
    void theCyclesAreThoseOfJGraphTsGabowOnRandomGraphsWithLoopsAndRepeatedEdges() {
        Random random = new Random(23);
        for (int round = 0; round < 40; round++) {
            DependencyGraph graph = RandomGraphs.anyRelations(random, 1 + random.nextInt(40), random.nextInt(120));

            assertEquals(gabow(graph), Cycles.of(graph), "round " + round);
        }
    }

    /** The cycles as first computed, with JGraphT's (recursive) Gabow inspector. */
    private static List<List<String>> gabow(DependencyGraph graph) {
        Graph<Integer, DefaultEdge> dependencies = DependencyEdges.of(graph);
        List<List<String>> cycles = new ArrayList<>();
        for (Set<Integer> component : new GabowStrongConnectivityInspector<>(dependencies).stronglyConnectedSets()) {
            int first = component.iterator().next();
            if (component.size() > 1 || dependencies.containsEdge(first, first)) {
                cycles.add(component.stream().map(i -> graph.node(i).ref().toString()).sorted().toList());
            }
        }
        cycles.sort(Comparator.comparing((List<String> c) -> -c.size()).thenComparing(c -> c.get(0)));
        return cycles;
    }
}
