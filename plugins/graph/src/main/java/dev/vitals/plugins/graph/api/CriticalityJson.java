package dev.vitals.plugins.graph.api;

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
