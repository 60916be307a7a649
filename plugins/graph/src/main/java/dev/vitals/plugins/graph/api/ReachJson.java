package dev.vitals.plugins.graph.api;

import dev.vitals.plugins.graph.answers.Reach;
import dev.vitals.plugins.graph.answers.Walks;
import dev.vitals.plugins.graph.model.DependencyGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The nodes that depend on a node (its blast radius), or that it depends on, each with its shortest distance.
 *
 * @param ref the node asked about
 * @param nodes the nodes reached, nearest first, then by reference; the first {@code limit} of them
 * @param teams the teams owning every node reached, listed or not, by reference: whom to call
 * @param truncated true when the depth limit left nodes further away out, or the limit left reached nodes unlisted
 * @param total how many nodes were reached within the depth, listed or not
 */
public record ReachJson(String ref, List<Reached> nodes, List<String> teams, boolean truncated, int total) {

    /** How many nodes an answer lists unless asked for more: a hub's blast radius can be the whole organisation. */
    public static final int DEFAULT_LIMIT = 1_000;

    /**
     * @param graph the graph walked
     * @param reach the walk
     * @return the answer with every node reached: nodes nearest first, then by reference, and their teams
     */
    public static ReachJson of(DependencyGraph graph, Reach reach) {
        return of(graph, reach, Integer.MAX_VALUE);
    }

    /**
     * @param graph the graph walked
     * @param reach the walk
     * @param limit the most nodes to list
     * @return the answer: the nearest {@code limit} nodes, then by reference, and the teams of all nodes reached
     */
    public static ReachJson of(DependencyGraph graph, Reach reach, int limit) {
        return of(graph, new Walks.Walked(reach.start(), Arrays.copyOf(reach.reached(), reach.count()),
                reach.distance(), 0, reach.count(), reach.truncated()), limit);
    }

    /**
     * @param graph the graph walked
     * @param walked the nodes a walk reached; those of equal distance are reordered in place
     * @param limit the most nodes to list
     * @return the answer: the nearest {@code limit} nodes, then by reference, and the teams of all nodes reached
     */
    public static ReachJson of(DependencyGraph graph, Walks.Walked walked, int limit) {
        int[] order = walked.nodes();
        int[] distance = walked.distances();
        int base = walked.from();
        int end = base + walked.count();
        int listed = Math.min(limit, walked.count());
        // The walk lists nodes nearest first; within one distance, node numbers sort as references do. Only the
        // distances the listed nodes come from are sorted.
        for (int from = base; from < base + listed; ) {
            int to = from;
            while (to < end && distance[to] == distance[from]) {
                to++;
            }
            Arrays.sort(order, from, to);
            from = to;
        }
        List<Reached> nodes = new ArrayList<>(listed);
        for (int i = base; i < base + listed; i++) {
            int node = order[i];
            int owner = graph.ownerNumber(node);
            nodes.add(new Reached(graph.node(node).ref().toString(), distance[i],
                    owner < 0 ? Optional.empty() : Optional.of(graph.teams().get(owner))));
        }
        boolean[] calls = new boolean[graph.teams().size()];
        for (int i = base; i < end; i++) {
            int owner = graph.ownerNumber(order[i]);
            if (owner >= 0) {
                calls[owner] = true;
            }
        }
        List<String> teams = new ArrayList<>();
        for (int t = 0; t < calls.length; t++) {
            if (calls[t]) {
                teams.add(graph.teams().get(t));
            }
        }
        return new ReachJson(graph.node(walked.start()).ref().toString(), List.copyOf(nodes), List.copyOf(teams),
                walked.truncated() || listed < walked.count(), walked.count());
    }

    /**
     * @param ref the node
     * @param distance its number of edges from the node asked about; consumer → API → provider is two
     * @param owner its owning team, absent when the catalog names none
     */
    public record Reached(String ref, int distance, Optional<String> owner) {
    }
}
