package dev.vitals.plugins.graph.api;

import dev.vitals.api.EntityRef;
import dev.vitals.plugins.graph.answers.Betweenness;
import dev.vitals.plugins.graph.answers.Criticality;
import dev.vitals.plugins.graph.model.DependencyGraph;
import java.util.List;
import java.util.Optional;

/**
 * Nodes ranked by how much depends on them.
 *
 * @param nodes most transitive dependents first
 * @param betweennessSampled true when betweenness is estimated from a sample of start nodes (above 5,000 nodes)
 * @param betweennessSources how many nodes the betweenness walks started from
 * @param graphNodes how many nodes the graph has
 */
public record CriticalityJson(List<CriticalNode> nodes, boolean betweennessSampled, int betweennessSources,
        int graphNodes) {

    /**
     * @param graph the graph
     * @param criticality its scores
     * @param limit the most nodes to list
     * @return the ranking, most transitive dependents first
     */
    public static CriticalityJson of(DependencyGraph graph, Criticality criticality, int limit) {
        List<CriticalNode> nodes = criticality.ranking(limit).stream()
                .map(i -> new CriticalNode(graph.node(i).ref().toString(),
                        graph.node(i).owner().map(EntityRef::toString), criticality.dependents()[i],
                        criticality.pageRank()[i], criticality.betweenness().scores()[i]))
                .toList();
        Betweenness betweenness = criticality.betweenness();
        return new CriticalityJson(nodes, betweenness.sampled(), betweenness.sampledSources(), graph.size());
    }

    /**
     * @param ref the node
     * @param owner its team, when the catalog names one
     * @param dependents how many nodes depend on it directly or transitively
     * @param pageRank its PageRank over the dependency edges
     * @param betweenness how many shortest dependency paths pass through it
     */
    public record CriticalNode(String ref, Optional<String> owner, int dependents, double pageRank,
            double betweenness) {
    }
}
