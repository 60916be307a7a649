package dev.vitals.plugins.graph.answers;

import dev.vitals.plugins.graph.model.DependencyGraph;
import java.util.Arrays;

/**
 * How many nodes depend on each node, directly or transitively: exact counts without one walk per node. The cycles
 * are collapsed first (every node of a strongly connected component has the same dependents, its fellow members
 * among them), and the sets of dependents are then carried down the acyclic graph of components as bitsets, one
 * block of node numbers at a time so that memory stays at a few megabytes: the whole set would be a bit per pair of
 * nodes, 300 MB at 50,000 nodes.
 */
public final class TransitiveDependents {

    /** Nodes per block: 64 words of 64 bits. */
    private static final int WORDS = 64;

    private TransitiveDependents() {
    }

    /**
     * @param graph the graph
     * @return per node number, how many other nodes depend on it directly or transitively
     */
    public static int[] of(DependencyGraph graph) {
        return of(graph, StrongComponents.of(graph), null);
    }

    /**
     * @param graph the graph
     * @return per node number, how many services (other than itself) depend on it directly or transitively
     */
    public static int[] services(DependencyGraph graph) {
        boolean[] services = new boolean[graph.size()];
        for (int i = 0; i < services.length; i++) {
            services[i] = graph.node(i).isService();
        }
        return of(graph, StrongComponents.of(graph), services);
    }

    /**
     * @param graph the graph
     * @param components its strongly connected components
     * @param counted per node number, whether it is counted; null to count every node
     * @return per node number, how many other counted nodes depend on it directly or transitively
     */
    static int[] of(DependencyGraph graph, StrongComponents components, boolean[] counted) {
        int n = graph.size();
        int count = components.count();
        int[] component = components.component();
        int[][] members = Cycles.members(components);
        // The edges between components, each once: a component's dependencies, as component numbers.
        int[][] below = new int[count][];
        int[] seenFrom = new int[count];
        Arrays.fill(seenFrom, -1);
        int[] buffer = new int[Math.max(1, count)];
        for (int c = 0; c < count; c++) {
            int found = 0;
            for (int v : members[c]) {
                for (int w : graph.dependenciesOf(v)) {
                    int d = component[w];
                    if (d != c && seenFrom[d] != c) {
                        seenFrom[d] = c;
                        if (found == buffer.length) {
                            buffer = Arrays.copyOf(buffer, found * 2);
                        }
                        buffer[found++] = d;
                    }
                }
            }
            below[c] = Arrays.copyOf(buffer, found);
        }
        long[] reachers = new long[count * WORDS];
        long[] total = new long[count];
        int block = WORDS * 64;
        for (int lo = 0; lo < n; lo += block) {
            Arrays.fill(reachers, 0L);
            int hi = Math.min(n, lo + block);
            for (int v = lo; v < hi; v++) {
                if (counted != null && !counted[v]) {
                    continue;
                }
                int bit = v - lo;
                reachers[component[v] * WORDS + (bit >>> 6)] |= 1L << bit;
            }
            // Tarjan numbers a component after everything it depends on, so walking down from the highest number
            // finishes each component's set of dependents before it is handed on to its dependencies.
            int words = (hi - lo + 63) >>> 6;
            for (int c = count - 1; c >= 0; c--) {
                int from = c * WORDS;
                long bits = 0;
                for (int k = 0; k < words; k++) {
                    bits |= reachers[from + k];
                }
                if (bits == 0) {
                    continue;
                }
                int sum = 0;
                for (int k = 0; k < words; k++) {
                    sum += Long.bitCount(reachers[from + k]);
                }
                total[c] += sum;
                for (int d : below[c]) {
                    int to = d * WORDS;
                    for (int k = 0; k < words; k++) {
                        reachers[to + k] |= reachers[from + k];
                    }
                }
            }
        }
        int[] dependents = new int[n];
        for (int v = 0; v < n; v++) {
            // The node itself is among its component's reachers when it is counted.
            dependents[v] = (int) (total[component[v]] - (counted == null || counted[v] ? 1 : 0));
        }
        return dependents;
    }
}
