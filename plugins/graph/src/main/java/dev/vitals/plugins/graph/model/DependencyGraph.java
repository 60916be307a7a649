package dev.vitals.plugins.graph.model;

import dev.vitals.api.EntityRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable snapshot of the declared graph: every node, every edge with its relation, and the dependency edges
 * again as arrays of node numbers so that walks over tens of thousands of nodes stay in arrays. Nothing is dropped:
 * an edge to an entity the catalog does not have points at a node marked missing, and two relations between the same
 * pair are two edges.
 */
public final class DependencyGraph {

    private final List<Node> nodes;
    private final Map<EntityRef, Integer> index;
    private final List<Edge> edges;
    private final int[] ends;
    private final boolean[] service;
    private final int[][] dependsOn;
    private final int[][] dependedOnBy;
    private final int[] ownerNumber;
    private final List<String> teams;

    /**
     * @param nodes the nodes, sorted by reference
     * @param index each node's reference to its number
     * @param edges every edge
     * @param ends per edge, the numbers of its two ends: from at 2e, to at 2e + 1
     */
    private DependencyGraph(List<Node> nodes, Map<EntityRef, Integer> index, List<Edge> edges, int[] ends) {
        this.nodes = List.copyOf(nodes);
        this.edges = List.copyOf(edges);
        this.index = index;
        this.ends = ends;
        service = new boolean[nodes.size()];
        for (int i = 0; i < service.length; i++) {
            service[i] = this.nodes.get(i).isService();
        }
        boolean[] dependency = new boolean[this.edges.size()];
        int[] outCount = new int[nodes.size()];
        int[] inCount = new int[nodes.size()];
        for (int e = 0; e < dependency.length; e++) {
            dependency[e] = this.edges.get(e).isDependency();
            if (dependency[e]) {
                outCount[ends[2 * e]]++;
                inCount[ends[2 * e + 1]]++;
            }
        }
        dependsOn = new int[nodes.size()][];
        dependedOnBy = new int[nodes.size()][];
        for (int i = 0; i < nodes.size(); i++) {
            dependsOn[i] = new int[outCount[i]];
            dependedOnBy[i] = new int[inCount[i]];
        }
        Arrays.fill(outCount, 0);
        Arrays.fill(inCount, 0);
        for (int e = 0; e < dependency.length; e++) {
            if (dependency[e]) {
                int from = ends[2 * e];
                int to = ends[2 * e + 1];
                dependsOn[from][outCount[from]++] = to;
                dependedOnBy[to][inCount[to]++] = from;
            }
        }
        Map<EntityRef, Integer> teamNumbers = new HashMap<>();
        List<EntityRef> owners = new ArrayList<>();
        for (Node node : this.nodes) {
            node.owner().ifPresent(owner -> {
                if (teamNumbers.putIfAbsent(owner, 0) == null) {
                    owners.add(owner);
                }
            });
        }
        List<String> teamRefs = new ArrayList<>(owners.stream().map(EntityRef::toString).sorted().toList());
        for (EntityRef owner : owners) {
            teamNumbers.put(owner, Collections.binarySearch(teamRefs, owner.toString()));
        }
        teams = List.copyOf(teamRefs);
        ownerNumber = new int[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            ownerNumber[i] = this.nodes.get(i).owner().map(teamNumbers::get).orElse(-1);
        }
    }

    /**
     * Builds a graph. Entities give the nodes' details; every edge's ends become nodes, and an end no entity
     * describes is marked missing unless {@code known} says the catalog has it.
     *
     * @param entities the nodes the catalog describes
     * @param edges every edge, in the graph's direction
     * @param known references the catalog has though no entity above describes them
     * @return the graph, nodes sorted by reference
     */
    public static DependencyGraph of(Collection<Node> entities, Collection<Edge> edges, Collection<EntityRef> known) {
        // Each reference is looked up once: a node is numbered when first met, and each edge keeps its ends'
        // numbers, renumbered once the nodes are sorted. At hundreds of thousands of edges the lookups are the cost.
        Map<EntityRef, Integer> number = new HashMap<>();
        List<Node> found = new ArrayList<>();
        for (Node node : entities) {
            Integer seen = number.putIfAbsent(node.ref(), found.size());
            if (seen == null) {
                found.add(node);
            } else {
                found.set(seen, node);
            }
        }
        for (EntityRef ref : known) {
            if (number.putIfAbsent(ref, found.size()) == null) {
                found.add(Node.known(ref));
            }
        }
        List<Edge> edgeList = edges instanceof List<Edge> list ? list : new ArrayList<>(edges);
        int[] ends = new int[2 * edgeList.size()];
        // The catalog gives one reference object per reference, but not the same one as the entity it names: each
        // object is looked up by value once, then by identity, which compares no text. Edges come by source, so a
        // source is looked up once per run of its edges.
        Map<EntityRef, Integer> byObject = new IdentityHashMap<>();
        EntityRef lastFrom = null;
        int lastFromNumber = -1;
        for (int e = 0; e < edgeList.size(); e++) {
            Edge edge = edgeList.get(e);
            if (edge.from() != lastFrom) {
                lastFrom = edge.from();
                lastFromNumber = numbered(byObject, number, found, lastFrom);
            }
            ends[2 * e] = lastFromNumber;
            ends[2 * e + 1] = numbered(byObject, number, found, edge.to());
        }
        // Each reference is written out once for the sort, not twice per comparison.
        String[] keys = new String[found.size()];
        Integer[] order = new Integer[found.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = found.get(i).ref().toString();
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing(i -> keys[i]));
        int[] position = new int[found.size()];
        List<Node> sorted = new ArrayList<>(keys.length);
        for (Integer i : order) {
            position[i] = sorted.size();
            sorted.add(found.get(i));
        }
        for (int k = 0; k < ends.length; k++) {
            ends[k] = position[ends[k]];
        }
        number.replaceAll((ref, provisional) -> position[provisional]);
        return new DependencyGraph(sorted, number, edgeList, ends);
    }

    private static int numbered(Map<EntityRef, Integer> byObject, Map<EntityRef, Integer> number, List<Node> found,
            EntityRef ref) {
        Integer seen = byObject.get(ref);
        if (seen != null) {
            return seen;
        }
        seen = number.get(ref);
        if (seen == null) {
            seen = found.size();
            number.put(ref, seen);
            found.add(Node.missing(ref));
        }
        byObject.put(ref, seen);
        return seen;
    }

    /** @return an empty graph, the one readers see before the first build */
    public static DependencyGraph empty() {
        return new DependencyGraph(List.of(), new HashMap<>(), List.of(), new int[0]);
    }

    /** @return every node, sorted by reference; a node's position is its number */
    public List<Node> nodes() {
        return nodes;
    }

    /** @return every edge */
    public List<Edge> edges() {
        return edges;
    }

    /** @return the nodes something refers to that the catalog does not have */
    public List<Node> missing() {
        return nodes.stream().filter(Node::missing).toList();
    }

    /** @return the number of nodes */
    public int size() {
        return nodes.size();
    }

    /** @param ref a reference @return its node's number, when the graph has it */
    public Optional<Integer> indexOf(EntityRef ref) {
        return Optional.ofNullable(index.get(ref));
    }

    /**
     * @param e an edge's position in {@link #edges()}
     * @return the number of the node it goes from, without looking its reference up
     */
    public int fromOf(int e) {
        return ends[2 * e];
    }

    /**
     * @param e an edge's position in {@link #edges()}
     * @return the number of the node it goes to, without looking its reference up
     */
    public int toOf(int e) {
        return ends[2 * e + 1];
    }

    /** @param i a node's number @return whether it is a service (a Component) */
    public boolean isService(int i) {
        return service[i];
    }

    /** @param i a node's number @return the node */
    public Node node(int i) {
        return nodes.get(i);
    }

    /** @param i a node's number @return the numbers of the nodes it depends on directly, one per edge */
    public int[] dependenciesOf(int i) {
        return dependsOn[i];
    }

    /** @param i a node's number @return the numbers of the nodes that depend on it directly, one per edge */
    public int[] dependentsOf(int i) {
        return dependedOnBy[i];
    }

    /**
     * @param i a node's number
     * @return its owning team's number, an index into {@link #teams()}; -1 when the catalog names no owner
     */
    public int ownerNumber(int i) {
        return ownerNumber[i];
    }

    /** @return every team that owns a node, by reference, sorted: a team's position is its number */
    public List<String> teams() {
        return teams;
    }

    /** @param direction the way a walk goes @return per node number, its neighbours that way, one per edge */
    public int[][] adjacency(Direction direction) {
        return direction == Direction.DEPENDENTS ? dependedOnBy : dependsOn;
    }
}
