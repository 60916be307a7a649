package dev.vitals.plugins.graph.map;

import java.util.List;
import java.util.Optional;

/**
 * A map of the graph as the page draws it and lists it. Nothing is left out silently: above the budget nodes are
 * folded into groups that say how many nodes and edges they hold, edges to and between groups carry how many edges
 * they stand for, and what the filters hide is counted. So the edges' counts plus the groups' inner edges always add
 * up to {@code edgesInView}.
 *
 * @param focus the node the map is centred on; empty for the whole graph
 * @param depth the most edges from the focus
 * @param direction {@code both}, {@code dependents} or {@code dependencies}
 * @param relations the relations walked and drawn
 * @param groupedBy {@code team} or {@code system} when nodes were grouped; empty when every node is drawn
 * @param budget the most nodes drawn one by one before grouping
 * @param nodesInView how many nodes the map holds, drawn one by one or inside groups
 * @param edgesInView how many edges among them
 * @param nodes the nodes drawn one by one
 * @param groups the groups, each standing for several nodes
 * @param edges the edges drawn, between nodes and groups
 * @param hidden what the kind, team and lifecycle filters left out
 * @param beyondDepth true when nodes lie further from the focus than the depth reaches
 */
public record MapJson(Optional<String> focus, int depth, String direction, List<String> relations,
        Optional<String> groupedBy, int budget, int nodesInView, int edgesInView, List<MapNode> nodes,
        List<MapGroup> groups, List<MapEdge> edges, Hidden hidden, boolean beyondDepth) {

    /**
     * One node drawn on its own.
     *
     * @param id its reference, which edges name
     * @param kind e.g. {@code component}, {@code api}
     * @param owner its team, when the catalog names one
     * @param lifecycle e.g. {@code production}, when the catalog names one
     * @param missing true when the catalog does not have it (a dangling reference)
     * @param health its worst latest signal, {@code OK}, {@code UNKNOWN}, {@code WARN} or {@code CRITICAL}; empty
     *     without signals
     * @param distance its edges from the focus; 0 for the focus, empty without a focus
     * @param side {@code focus}, {@code dependency}, {@code dependent}, or empty without a focus
     * @param group the key of the group it would fold into
     * @param x where the precomputed layout puts it
     * @param y where the precomputed layout puts it
     * @param href the map centred on it
     */
    public record MapNode(String id, String kind, Optional<String> owner, Optional<String> lifecycle,
            boolean missing, Optional<String> health, Optional<Integer> distance, Optional<String> side,
            String group, double x, double y, String href) {
    }

    /**
     * Nodes folded into one.
     *
     * @param id {@code group:} and its key, which edges name
     * @param key the team's or system's reference, or {@code none}
     * @param label what the page calls it
     * @param nodes how many nodes it holds
     * @param innerEdges how many edges run between its own nodes
     * @param health the worst health of its nodes; empty without signals
     * @param x where the precomputed layout puts it
     * @param y where the precomputed layout puts it
     * @param href the same map with this group shown node by node
     */
    public record MapGroup(String id, String key, String label, int nodes, int innerEdges, Optional<String> health,
            double x, double y, String href) {
    }

    /**
     * Edges of one relation between two drawn items.
     *
     * @param from a node's or a group's id
     * @param to a node's or a group's id
     * @param relation the relation, e.g. {@code dependsOn}
     * @param count how many edges of the graph it stands for: 1 between two nodes declared once
     */
    public record MapEdge(String from, String to, String relation, int count) {
    }

    /**
     * What the filters left out of the map.
     *
     * @param nodes nodes within reach that the kind, team or lifecycle filters hide
     * @param edges edges of the chosen relations that touch them
     */
    public record Hidden(int nodes, int edges) {
    }
}
