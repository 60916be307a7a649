package dev.vitals.plugins.graph.answers;

import dev.vitals.plugins.graph.model.DependencyGraph;
import java.util.Arrays;
import java.util.Random;

/**
 * Betweenness centrality over the dependency edges by Brandes' algorithm, over arrays. Above {@link #EXACT_UP_TO}
 * nodes it starts from a fixed-seed sample of nodes and scales the sums up (Brandes and Pich's estimate), because the
 * exact answer costs one walk per node.
 *
 * @param scores per node number, the number of shortest paths between other nodes that pass through it
 * @param sampledSources how many nodes the walks started from; the graph's size when exact
 */
public record Betweenness(double[] scores, int sampledSources) {

    /** The largest graph whose betweenness is computed exactly. */
    public static final int EXACT_UP_TO = 5_000;
    /** How many nodes the walks start from on a larger graph. */
    public static final int SAMPLE = 500;

    /** @param graph the graph @return exact betweenness up to 5,000 nodes, sampled above */
    public static Betweenness of(DependencyGraph graph) {
        int n = graph.size();
        if (n <= EXACT_UP_TO) {
            return from(graph, allNodes(n));
        }
        int[] sources = allNodes(n);
        Random random = new Random(42);
        for (int i = 0; i < SAMPLE; i++) {
            int j = i + random.nextInt(n - i);
            int swap = sources[i];
            sources[i] = sources[j];
            sources[j] = swap;
        }
        return from(graph, Arrays.copyOf(sources, SAMPLE));
    }

    /**
     * @param graph the graph
     * @param sources the nodes to start walks from; all of them for the exact answer
     * @return the scores, scaled by the share of nodes the sources stand for
     */
    public static Betweenness from(DependencyGraph graph, int[] sources) {
        int n = graph.size();
        double[] scores = new double[n];
        int[] stack = new int[n];
        int[] queue = new int[n];
        int[] distance = new int[n];
        double[] paths = new double[n];
        double[] delta = new double[n];
        // Predecessors on shortest paths, kept as edge lists per node and reset per walk.
        int[][] predecessors = new int[n][];
        int[] predecessorCount = new int[n];
        for (int v = 0; v < n; v++) {
            predecessors[v] = new int[graph.dependentsOf(v).length];
        }
        for (int s : sources) {
            Arrays.fill(distance, -1);
            Arrays.fill(paths, 0);
            Arrays.fill(delta, 0);
            Arrays.fill(predecessorCount, 0);
            int top = 0;
            int head = 0;
            int tail = 0;
            distance[s] = 0;
            paths[s] = 1;
            queue[tail++] = s;
            while (head < tail) {
                int v = queue[head++];
                stack[top++] = v;
                for (int w : graph.dependenciesOf(v)) {
                    if (distance[w] < 0) {
                        distance[w] = distance[v] + 1;
                        queue[tail++] = w;
                    }
                    if (distance[w] == distance[v] + 1) {
                        paths[w] += paths[v];
                        predecessors[w][predecessorCount[w]++] = v;
                    }
                }
            }
            while (top > 0) {
                int w = stack[--top];
                for (int k = 0; k < predecessorCount[w]; k++) {
                    int v = predecessors[w][k];
                    delta[v] += paths[v] / paths[w] * (1 + delta[w]);
                }
                if (w != s) {
                    scores[w] += delta[w];
                }
            }
        }
        if (sources.length < n && sources.length > 0) {
            double scale = (double) n / sources.length;
            for (int v = 0; v < n; v++) {
                scores[v] *= scale;
            }
        }
        return new Betweenness(scores, sources.length);
    }

    /** @return true when the scores are estimated from a sample */
    public boolean sampled() {
        return sampledSources < scores.length;
    }

    private static int[] allNodes(int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return all;
    }
}
