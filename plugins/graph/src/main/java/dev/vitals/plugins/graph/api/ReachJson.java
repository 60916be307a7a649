package dev.vitals.plugins.graph.api;

import java.util.List;
import java.util.Optional;

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
     * @param ref the node
     * @param distance its number of edges from the node asked about; consumer → API → provider is two
     * @param owner its owning team, absent when the catalog names none
     */
    public record Reached(String ref, int distance, Optional<String> owner) {
    }
}
