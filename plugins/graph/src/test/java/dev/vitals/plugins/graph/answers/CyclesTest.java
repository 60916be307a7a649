package dev.vitals.plugins.graph.answers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vitals.plugins.graph.model.DependencyGraph;
import java.util.List;
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
}
