package dev.vitals.plugins.graph.answers;

import dev.vitals.plugins.graph.model.DependencyGraph;
import dev.vitals.plugins.graph.model.Direction;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * Breadth-first walks over one graph that reuse their arrays: a hub's blast radius reaches most of the organisation,
 * and a walk that allocated and filled arrays the size of the graph spent more on them than on walking. Each walk
 * borrows a scratch set (a stamp per node instead of a cleared array, the queue, the distances), hands the nodes
 * reached to the reader, and gives the set back; concurrent walks borrow different sets.
 */
public final class Walks {

    /** Idle scratch sets kept beyond this many are left to the garbage collector. */
    private static final int IDLE_AT_MOST = 16;

    private final DependencyGraph graph;
    private final ConcurrentLinkedQueue<Scratch> idle = new ConcurrentLinkedQueue<>();

    /** @param graph the graph to walk */
    public Walks(DependencyGraph graph) {
        this.graph = graph;
    }

    /**
     * Walks from a node and lets the reader read what it reached; the {@link Walked} is valid only inside the reader.
     *
     * @param start the node to walk from
     * @param direction towards dependencies or dependents
     * @param depth the most edges to walk; empty for no limit
     * @param reader reads the nodes reached
     * @param <T> what the reader makes of them
     * @return the reader's answer
     */
    public <T> T walk(int start, Direction direction, OptionalInt depth, Function<Walked, T> reader) {
        Scratch scratch = idle.poll();
        if (scratch == null) {
            scratch = new Scratch(graph.size());
        }
        try {
            return reader.apply(scratch.walk(graph.adjacency(direction), start, depth.orElse(Integer.MAX_VALUE)));
        } finally {
            if (idle.size() < IDLE_AT_MOST) {
                idle.offer(scratch);
            }
        }
    }

    /**
     * The nodes a walk reached, nearest first: positions {@code from} to {@code from + count - 1} of {@code nodes},
     * with each one's number of edges from the start at the same position of {@code distances}. A reader may reorder
     * nodes of equal distance in place.
     *
     * @param start the node walked from
     * @param nodes the nodes reached, at their positions
     * @param distances per position, the distance from the start
     * @param from the first position
     * @param count how many nodes were reached, the start not included
     * @param truncated true when the depth limit left nodes beyond it unvisited
     */
    public record Walked(int start, int[] nodes, int[] distances, int from, int count, boolean truncated) {
    }

    private static final class Scratch {
        private final int[] seen;
        private final int[] queue;
        private final int[] distance;
        private int stamp;

        Scratch(int size) {
            seen = new int[size];
            queue = new int[size];
            distance = new int[size];
        }

        Walked walk(int[][] next, int start, int limit) {
            stamp++;
            if (stamp == Integer.MAX_VALUE) {
                Arrays.fill(seen, 0);
                stamp = 1;
            }
            int head = 0;
            int tail = 0;
            queue[tail] = start;
            distance[tail++] = 0;
            seen[start] = stamp;
            boolean truncated = false;
            while (head < tail) {
                int node = queue[head];
                int d = distance[head++];
                for (int neighbour : next[node]) {
                    if (seen[neighbour] == stamp) {
                        continue;
                    }
                    if (d >= limit) {
                        truncated = true;
                        break;
                    }
                    seen[neighbour] = stamp;
                    queue[tail] = neighbour;
                    distance[tail++] = d + 1;
                }
            }
            return new Walked(start, queue, distance, 1, tail - 1, truncated);
        }
    }
}
