package dev.vitals.plugins.graph.answers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.vitals.plugins.graph.model.DependencyGraph;
import java.util.Random;
import org.jgrapht.alg.scoring.PageRank;
import org.junit.jupiter.api.Test;

class PageRankScoresTest {

    @Test
    void theScoresAreJGraphTsOnRandomGraphsWithLoopsRepeatsAndNodesThatDependOnNothing() {
        Random random = new Random(13);
        for (int round = 0; round < 30; round++) {
            DependencyGraph graph = RandomGraphs.anyRelations(random, 1 + random.nextInt(50), random.nextInt(150));

            double[] theirs = new double[graph.size()];
            new PageRank<>(DependencyEdges.of(graph)).getScores().forEach((node, score) -> theirs[node] = score);

            assertArrayEquals(theirs, PageRankScores.of(graph), 1e-12, "round " + round);
        }
    }
}
