package dev.vitals.plugins.graph.answers;

import dev.vitals.plugins.graph.model.DependencyGraph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The dependency cycles: every strongly connected component over the dependency edges with more than one node, or
 * one node that depends on itself. Each is its sorted references; the biggest come first.
 */
public final class Cycles {

    private Cycles() {
    }

    /** @param graph the graph @return each cycle's sorted references, biggest first, then by first reference */
    public static List<List<String>> of(DependencyGraph graph) {
        StrongComponents components = StrongComponents.of(graph);
        int[][] members = members(components);
        List<int[]> cycles = new ArrayList<>();
        for (int[] component : members) {
            if (component.length > 1 || dependsOnItself(graph, component[0])) {
                cycles.add(component);
            }
        }
        // Node numbers follow the references' order, so numbers sort as the references do.
        cycles.sort(Comparator.comparingInt((int[] c) -> -c.length).thenComparingInt(c -> c[0]));
        List<List<String>> answer = new ArrayList<>(cycles.size());
        for (int[] cycle : cycles) {
            List<String> refs = new ArrayList<>(cycle.length);
            for (int node : cycle) {
                refs.add(graph.node(node).ref().toString());
            }
            answer.add(List.copyOf(refs));
        }
        return answer;
    }

    /** @return per component, its node numbers in ascending order */
    static int[][] members(StrongComponents components) {
        int[][] members = new int[components.count()][];
        for (int c = 0; c < components.count(); c++) {
            members[c] = new int[components.size()[c]];
        }
        int[] filled = new int[components.count()];
        int[] component = components.component();
        for (int v = 0; v < component.length; v++) {
            members[component[v]][filled[component[v]]++] = v;
        }
        return members;
    }

    private static boolean dependsOnItself(DependencyGraph graph, int node) {
        for (int next : graph.dependenciesOf(node)) {
            if (next == node) {
                return true;
            }
        }
        return false;
    }
}
