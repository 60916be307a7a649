package dev.vitals.plugins.graph.answers;

import static dev.vitals.plugins.graph.answers.Graphs.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vitals.plugins.graph.model.DependencyGraph;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShortestPathTest {

    private static Optional<List<String>> path(DependencyGraph graph, String from, String to) {
        return ShortestPath.between(graph, at(graph, from), at(graph, to))
                .map(p -> p.stream().map(i -> graph.node(i).ref().name()).toList());
    }

    @Test
    void thePathThroughAnApiNamesTheApi() {
        DependencyGraph graph = Graphs.of().node("shop").node("pay").node("api:payments").node("resource:db")
                .consumes("shop", "api:payments").provides("pay", "api:payments").dependsOn("pay", "resource:db")
                .build();

        assertEquals(Optional.of(List.of("shop", "payments", "pay", "db")), path(graph, "shop", "resource:db"));
    }

    @Test
    void theShorterOfTwoWaysIsTaken() {
        DependencyGraph graph = Graphs.of().node("a").node("b").node("c").node("d")
                .dependsOn("a", "b", "d").dependsOn("b", "c").dependsOn("c", "d").build();

        assertEquals(Optional.of(List.of("a", "d")), path(graph, "a", "d"));
    }

    @Test
    void aNodeThatDoesNotDependOnAnotherHasNoPathToIt() {
        DependencyGraph graph = Graphs.of().node("a").node("b").dependsOn("a", "b").build();

        assertEquals(Optional.empty(), path(graph, "b", "a"));
        assertEquals(Optional.empty(), path(graph, "a", "a"));
    }

    @Test
    void aSelfLoopIsAPathOfOneEdge() {
        DependencyGraph graph = Graphs.of().node("a").dependsOn("a", "a").build();

        assertEquals(Optional.of(List.of("a", "a")), path(graph, "a", "a"));
    }
}
