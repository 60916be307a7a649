package dev.vitals.plugins.graph.answers;

import dev.vitals.plugins.graph.model.DependencyGraph;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

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
        int[] dependents = TransitiveDependents.of(graph);
        return new Criticality(dependents, PageRankScores.of(graph), Betweenness.of(graph));
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
