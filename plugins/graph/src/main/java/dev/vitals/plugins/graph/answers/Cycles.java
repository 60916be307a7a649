package dev.vitals.plugins.graph.answers;

import dev.vitals.plugins.graph.model.DependencyGraph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.GabowStrongConnectivityInspector;
import org.jgrapht.graph.DefaultEdge;

/**
 * The dependency cycles: every strongly connected component over the dependency edges with more than one node, or
 * one node that depends on itself. Each is its sorted references; the biggest come first.
 */
public final class Cycles {

    private Cycles() {
    }

    /** @param graph the graph @return each cycle's sorted references, biggest first, then by first reference */
    public static List<List<String>> of(DependencyGraph graph) {
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
