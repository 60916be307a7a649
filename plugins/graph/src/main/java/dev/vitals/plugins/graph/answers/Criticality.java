package dev.vitals.plugins.graph.answers;

import dev.vitals.plugins.graph.model.DependencyGraph;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.PageRank;
import org.jgrapht.graph.DefaultEdge;

/**
 * How much breaks when a node breaks: per node, how many nodes depend on it directly or transitively, with PageRank
 * (rank flows from a node to what it depends on) and betweenness beside it. Computed once per graph snapshot.
 *
 * @param dependents per node number, its transitive dependents
 * @param pageRank per node number
 * @param betweenness per node number, and whether it was sampled
 */
public record Criticality(int[] dependents, double[] pageRank, Betweenness betweenness) {

    /** @param graph the graph @return the scores of every node */
    public static Criticality of(DependencyGraph graph) {
        int n = graph.size();
        int[] dependents = new int[n];
        int[] seen = new int[n];
        int[] queue = new int[n];
        // One walk against the edges per node; the stamp spares clearing the seen array between walks.
        for (int start = 0; start < n; start++) {
            int stamp = start + 1;
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            seen[start] = stamp;
            while (head < tail) {
                for (int next : graph.dependentsOf(queue[head++])) {
                    if (seen[next] != stamp) {
                        seen[next] = stamp;
                        queue[tail++] = next;
                    }
                }
            }
            dependents[start] = tail - 1;
        }
        return new Criticality(dependents, pageRank(graph), Betweenness.of(graph));
    }

    private static double[] pageRank(DependencyGraph graph) {
        Graph<Integer, DefaultEdge> dependencies = DependencyEdges.of(graph);
        double[] ranks = new double[graph.size()];
        if (graph.size() > 0) {
            Map<Integer, Double> scores = new PageRank<>(dependencies).getScores();
            scores.forEach((node, score) -> ranks[node] = score);
        }
        return ranks;
    }

    /**
     * @param limit the most nodes to name
     * @return node numbers, most transitive dependents first, then highest PageRank, then by number
     */
    public List<Integer> ranking(int limit) {
        return IntStream.range(0, dependents.length).boxed()
                .sorted(Comparator.comparingInt((Integer i) -> -dependents[i])
                        .thenComparing(i -> -pageRank[i]).thenComparing(i -> i))
                .limit(limit).toList();
    }
}
