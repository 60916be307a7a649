package dev.vitals.plugins.graph.answers;

import dev.vitals.plugins.graph.model.DependencyGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** A shortest dependency path between two nodes: the fewest edges, so the fewest hops to explain. */
public final class ShortestPath {

    private ShortestPath() {
    }

    /**
     * @param graph the graph
     * @param from the node that depends
     * @param to the node depended on
     * @return the node numbers along the path, both ends included; empty when {@code from} does not depend on
     *     {@code to}
     */
    public static Optional<List<Integer>> between(DependencyGraph graph, int from, int to) {
        int[] cameFrom = new int[graph.size()];
        Arrays.fill(cameFrom, -1);
        cameFrom[from] = from;
        int[] queue = new int[graph.size()];
        int head = 0;
        int tail = 0;
        queue[tail++] = from;
        boolean found = from == to && selfLoop(graph, from);
        while (head < tail && !found) {
            int node = queue[head++];
            for (int next : graph.dependenciesOf(node)) {
                if (cameFrom[next] < 0) {
                    cameFrom[next] = node;
                    queue[tail++] = next;
                    if (next == to) {
                        found = true;
                        break;
                    }
                }
            }
        }
        if (from == to) {
            return found ? Optional.of(List.of(from, to)) : Optional.empty();
        }
        if (!found) {
            return Optional.empty();
        }
        List<Integer> path = new ArrayList<>();
        for (int node = to; node != from; node = cameFrom[node]) {
            path.add(node);
        }
        path.add(from);
        Collections.reverse(path);
        return Optional.of(path);
    }

    private static boolean selfLoop(DependencyGraph graph, int node) {
        return Arrays.stream(graph.dependenciesOf(node)).anyMatch(n -> n == node);
    }
}
