package dev.vitals.plugins.graph.answers;

import dev.vitals.plugins.graph.model.DependencyGraph;
import java.util.Arrays;

/**
 * PageRank over the dependency edges, rank flowing from a node to what it depends on: JGraphT's unweighted
 * {@code PageRank} (damping 0.85, at most 100 iterations, stopping when no score moves by 0.0001 or more; a node that
 * depends on nothing hands its rank to every node) step for step, but over the graph's own arrays. Copying the graph
 * into JGraphT's maps first took seconds at 50,000 services.
 */
final class PageRankScores {

    private static final double DAMPING = 0.85;
    private static final int MAX_ITERATIONS = 100;
    private static final double TOLERANCE = 0.0001;

    private PageRankScores() {
    }

    static double[] of(DependencyGraph graph) {
        int n = graph.size();
        double[] current = new double[n];
        double[] next = new double[n];
        if (n == 0) {
            return current;
        }
        Arrays.fill(current, 1.0d / n);
        double maxChange = TOLERANCE;
        for (int iterations = MAX_ITERATIONS; iterations > 0 && maxChange >= TOLERANCE; iterations--) {
            double teleport = 0d;
            for (int i = 0; i < n; i++) {
                teleport += graph.dependenciesOf(i).length > 0 ? (1d - DAMPING) * current[i] : current[i];
            }
            teleport /= n;
            maxChange = 0d;
            for (int i = 0; i < n; i++) {
                double contribution = 0d;
                for (int w : graph.dependentsOf(i)) {
                    contribution += DAMPING * current[w] / graph.dependenciesOf(w).length;
                }
                double value = teleport + contribution;
                maxChange = Math.max(maxChange, Math.abs(value - current[i]));
                next[i] = value;
            }
            double[] swap = current;
            current = next;
            next = swap;
        }
        return current;
    }
}
