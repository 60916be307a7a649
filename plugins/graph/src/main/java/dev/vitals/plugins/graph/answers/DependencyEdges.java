package dev.vitals.plugins.graph.answers;

import dev.vitals.plugins.graph.model.DependencyGraph;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedPseudograph;

/** The dependency edges as a JGraphT graph of node numbers, for JGraphT's algorithms; loops and repeats kept. */
final class DependencyEdges {

    private DependencyEdges() {
    }

    static Graph<Integer, DefaultEdge> of(DependencyGraph graph) {
        Graph<Integer, DefaultEdge> dependencies = new DirectedPseudograph<>(DefaultEdge.class);
        for (int i = 0; i < graph.size(); i++) {
            dependencies.addVertex(i);
        }
        for (int i = 0; i < graph.size(); i++) {
            for (int j : graph.dependenciesOf(i)) {
                dependencies.addEdge(i, j);
            }
        }
        return dependencies;
    }
}
