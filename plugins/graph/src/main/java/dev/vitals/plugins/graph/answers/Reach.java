package dev.vitals.plugins.graph.answers;

import dev.vitals.plugins.graph.model.DependencyGraph;
import dev.vitals.plugins.graph.model.Direction;
import java.util.Arrays;
import java.util.OptionalInt;

/**
 * A breadth-first walk from one node along the dependency edges, over arrays: every node reached with its shortest
 * distance, APIs and resources included. A node reached twice keeps its first, shortest distance and is still listed:
 * nothing is dropped for having been seen.
 *
 * @param start the node walked from
 * @param reached the numbers of the nodes reached, nearest first, the start not included
 * @param distance per reached node (same position), its number of edges from the start
 * @param truncated true when the depth limit left nodes beyond it unvisited
 */
public record Reach(int start, int[] reached, int[] distance, boolean truncated) {

    /**
     * @param graph the graph
     * @param start the node to walk from
     * @param direction towards dependencies or dependents
     * @param depth the most edges to walk; empty for no limit
     * @return every node reached
     */
    public static Reach walk(DependencyGraph graph, int start, Direction direction, OptionalInt depth) {
        int[][] next = graph.adjacency(direction);
        int limit = depth.orElse(Integer.MAX_VALUE);
        int[] seen = new int[graph.size()];
        Arrays.fill(seen, -1);
        seen[start] = 0;
        int[] queue = new int[graph.size()];
        int head = 0;
        int tail = 0;
        queue[tail++] = start;
        boolean truncated = false;
        while (head < tail) {
            int node = queue[head++];
            for (int neighbour : next[node]) {
                if (seen[neighbour] >= 0) {
                    continue;
                }
                if (seen[node] >= limit) {
                    truncated = true;
                    continue;
                }
                seen[neighbour] = seen[node] + 1;
                queue[tail++] = neighbour;
            }
        }
        int[] reached = Arrays.copyOfRange(queue, 1, tail);
        int[] distance = new int[reached.length];
        for (int i = 0; i < reached.length; i++) {
            distance[i] = seen[reached[i]];
        }
        return new Reach(start, reached, distance, truncated);
    }

    /** @return how many nodes were reached */
    public int count() {
        return reached.length;
    }
}
