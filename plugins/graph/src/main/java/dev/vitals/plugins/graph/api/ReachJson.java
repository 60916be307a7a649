package dev.vitals.plugins.graph.api;

import dev.vitals.api.EntityRef;
import dev.vitals.plugins.graph.answers.Reach;
import dev.vitals.plugins.graph.model.DependencyGraph;
import dev.vitals.plugins.graph.model.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The nodes that depend on a node (its blast radius), or that it depends on, each with its shortest distance.
 *
 * @param ref the node asked about
 * @param nodes every node reached, nearest first, then by reference
 * @param teams the teams owning them, by reference: whom to call
 * @param truncated true when the depth limit left nodes further away out
 */
public record ReachJson(String ref, List<Reached> nodes, List<String> teams, boolean truncated) {

    /**
     * @param graph the graph walked
     * @param reach the walk
     * @return the answer: nodes nearest first, then by reference, and their teams
     */
    public static ReachJson of(DependencyGraph graph, Reach reach) {
        List<Reached> nodes = new ArrayList<>(reach.count());
        TreeSet<String> teams = new TreeSet<>();
        for (int i = 0; i < reach.count(); i++) {
            Node node = graph.node(reach.reached()[i]);
            nodes.add(new Reached(node.ref().toString(), reach.distance()[i], node.owner().map(EntityRef::toString)));
            node.owner().ifPresent(owner -> teams.add(owner.toString()));
        }
        nodes.sort(Comparator.comparingInt(Reached::distance).thenComparing(Reached::ref));
        return new ReachJson(graph.node(reach.start()).ref().toString(), nodes, List.copyOf(teams),
                reach.truncated());
    }

    /**
     * @param ref the node
     * @param distance its number of edges from the node asked about; consumer → API → provider is two
     * @param owner its owning team, absent when the catalog names none
     */
    public record Reached(String ref, int distance, Optional<String> owner) {
    }
}
