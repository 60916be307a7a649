package dev.vitals.plugins.graph.map;

import dev.vitals.api.EntityRef;
import dev.vitals.api.SignalStatus;
import dev.vitals.plugins.graph.model.DependencyGraph;
import dev.vitals.plugins.graph.model.Edge;
import dev.vitals.plugins.graph.model.Node;
import dev.vitals.plugins.graph.map.MapQuery.MapDirection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Works out a map: the nodes around the focus (or the whole graph), the filters, the groups when there are more
 * nodes than the budget, and a layout computed here so the browser only draws. The focus sits in the middle, what it
 * depends on in columns to its right by distance, what depends on it to its left; without a focus the nodes or groups
 * sit on a circle.
 */
public final class MapView {

    /** Horizontal room between two columns of the layout. */
    static final double COLUMN = 260;
    /** Vertical room between two nodes of a column. */
    static final double ROW = 36;

    private MapView() {
    }

    /**
     * @param graph the graph
     * @param query what to show
     * @param health a node's worst latest signal, when it has signals
     * @param link the page URL of a map
     * @return the map
     */
    public static MapJson of(DependencyGraph graph, MapQuery query, Function<EntityRef, Optional<SignalStatus>> health,
            Function<MapQuery, String> link) {
        int n = graph.size();
        List<Edge> edges = graph.edges();
        int[] from = new int[edges.size()];
        int[] to = new int[edges.size()];
        boolean[] chosen = new boolean[edges.size()];
        for (int e = 0; e < edges.size(); e++) {
            from[e] = graph.indexOf(edges.get(e).from()).orElseThrow();
            to[e] = graph.indexOf(edges.get(e).to()).orElseThrow();
            chosen[e] = query.relations().contains(edges.get(e).relation());
        }
        int[] towardsDependencies = new int[n];
        int[] towardsDependents = new int[n];
        Arrays.fill(towardsDependencies, -1);
        Arrays.fill(towardsDependents, -1);
        boolean[] inScope = new boolean[n];
        boolean beyondDepth = false;
        if (query.focus().isPresent()) {
            int focus = query.focus().getAsInt();
            inScope[focus] = true;
            if (query.direction() != MapDirection.DEPENDENTS) {
                beyondDepth |= walk(n, from, to, chosen, focus, query.depth(), towardsDependencies);
            }
            if (query.direction() != MapDirection.DEPENDENCIES) {
                beyondDepth |= walk(n, to, from, chosen, focus, query.depth(), towardsDependents);
            }
            for (int i = 0; i < n; i++) {
                inScope[i] |= towardsDependencies[i] >= 0 || towardsDependents[i] >= 0;
            }
        } else {
            for (int e = 0; e < edges.size(); e++) {
                if (chosen[e]) {
                    inScope[from[e]] = true;
                    inScope[to[e]] = true;
                }
            }
        }

        boolean[] visible = new boolean[n];
        int visibleCount = 0;
        int hiddenNodes = 0;
        for (int i = 0; i < n; i++) {
            if (inScope[i]) {
                visible[i] = isFocus(query, i) || passes(graph.node(i), query);
                if (visible[i]) {
                    visibleCount++;
                } else {
                    hiddenNodes++;
                }
            }
        }
        String[] groupOf = groups(graph, query, from, to);
        boolean grouped = visibleCount > query.budget();

        // Each visible node is drawn as itself or as its group.
        String[] item = new String[n];
        Map<String, int[]> groupCounts = new TreeMap<>();
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!visible[i]) {
                continue;
            }
            if (grouped && !isFocus(query, i) && !query.expand().contains(groupOf[i])) {
                item[i] = groupId(groupOf[i]);
                groupCounts.computeIfAbsent(groupOf[i], k -> new int[3])[0]++;
            } else {
                item[i] = graph.node(i).ref().toString();
                shown.add(i);
            }
        }

        int edgesInView = 0;
        int hiddenEdges = 0;
        Map<List<String>, Integer> drawn = new LinkedHashMap<>();
        for (int e = 0; e < edges.size(); e++) {
            if (!chosen[e] || !inScope[from[e]] || !inScope[to[e]]) {
                continue;
            }
            if (!visible[from[e]] || !visible[to[e]]) {
                hiddenEdges++;
                continue;
            }
            edgesInView++;
            String a = item[from[e]];
            String b = item[to[e]];
            if (a.equals(b) && a.startsWith(GROUP)) {
                groupCounts.get(groupOf[from[e]])[1]++;
            } else {
                drawn.merge(List.of(a, b, edges.get(e).relation()), 1, Integer::sum);
            }
        }

        // Health: a node's worst signal, a group's worst node.
        Map<String, SignalStatus> groupHealth = new HashMap<>();
        Map<Integer, Optional<SignalStatus>> nodeHealth = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (visible[i]) {
                Optional<SignalStatus> status = health.apply(graph.node(i).ref());
                nodeHealth.put(i, status);
                if (item[i].startsWith(GROUP) && status.isPresent()) {
                    groupHealth.merge(groupOf[i], status.get(), (x, y) -> x.compareTo(y) >= 0 ? x : y);
                }
            }
        }

        Layout layout = new Layout();
        Map<String, double[]> place = new HashMap<>();
        if (query.focus().isPresent()) {
            for (int i : shown) {
                layout.add(column(i, towardsDependencies, towardsDependents), groupOf[i], item[i]);
            }
            Map<String, Integer> groupColumn = new HashMap<>();
            for (int i = 0; i < n; i++) {
                if (visible[i] && item[i].startsWith(GROUP)) {
                    int column = column(i, towardsDependencies, towardsDependents);
                    groupColumn.merge(groupOf[i], column, (x, y) -> Math.abs(x) <= Math.abs(y) ? x : y);
                }
            }
            groupColumn.forEach((key, column) -> layout.add(column, key, groupId(key)));
            place.putAll(layout.columns());
        } else {
            List<String> around = new ArrayList<>();
            shown.forEach(i -> around.add(groupOf[i] + "\u0000" + item[i]));
            groupCounts.keySet().forEach(key -> around.add(key + "\u0000" + groupId(key)));
            around.sort(Comparator.naturalOrder());
            double radius = Math.max(200, around.size() * ROW / (2 * Math.PI));
            for (int k = 0; k < around.size(); k++) {
                double angle = 2 * Math.PI * k / around.size();
                place.put(around.get(k).substring(around.get(k).indexOf('\u0000') + 1),
                        new double[] {Math.round(radius * Math.cos(angle)), Math.round(radius * Math.sin(angle))});
            }
        }

        List<MapJson.MapNode> nodes = new ArrayList<>();
        for (int i : shown) {
            Node node = graph.node(i);
            int column = query.focus().isPresent() ? column(i, towardsDependencies, towardsDependents) : 0;
            double[] xy = place.get(item[i]);
            nodes.add(new MapJson.MapNode(item[i], node.ref().kind(), node.owner().map(EntityRef::toString),
                    node.lifecycle(), node.missing(), nodeHealth.get(i).map(Enum::name),
                    query.focus().isPresent() ? Optional.of(Math.abs(column)) : Optional.empty(),
                    query.focus().isPresent() ? Optional.of(column == 0 ? "focus" : column > 0 ? "dependency"
                            : "dependent") : Optional.empty(),
                    groupOf[i], xy[0], xy[1], link.apply(query.focusedOn(i))));
        }
        nodes.sort(Comparator.comparing((MapJson.MapNode node) -> node.distance().orElse(0))
                .thenComparing(MapJson.MapNode::id));
        List<MapJson.MapGroup> groups = new ArrayList<>();
        groupCounts.forEach((key, counts) -> {
            double[] xy = place.get(groupId(key));
            groups.add(new MapJson.MapGroup(groupId(key), key, label(key, query), counts[0], counts[1],
                    Optional.ofNullable(groupHealth.get(key)).map(Enum::name), xy[0], xy[1],
                    link.apply(query.expanding(key))));
        });
        List<MapJson.MapEdge> mapEdges = new ArrayList<>();
        drawn.forEach((key, count) -> mapEdges.add(new MapJson.MapEdge(key.get(0), key.get(1), key.get(2), count)));
        mapEdges.sort(Comparator.comparing(MapJson.MapEdge::from).thenComparing(MapJson.MapEdge::to)
                .thenComparing(MapJson.MapEdge::relation));
        return new MapJson(query.focus().isPresent()
                ? Optional.of(graph.node(query.focus().getAsInt()).ref().toString()) : Optional.empty(),
                query.depth(), query.direction().word(), query.relations().stream().sorted().toList(),
                grouped ? Optional.of(query.groupBy().word()) : Optional.empty(), query.budget(), visibleCount,
                edgesInView, nodes, groups, mapEdges, new MapJson.Hidden(hiddenNodes, hiddenEdges), beyondDepth);
    }

    /** The prefix of a group's id, which no reference has: a reference's kind holds no space. */
    static final String GROUP = "group ";

    static String groupId(String key) {
        return GROUP + key;
    }

    /**
     * @param id a node's or a group's id, as edges name them
     * @return how a list names it: the reference, or "group" and the team's or system's name
     */
    public static String describe(String id) {
        if (!id.startsWith(GROUP)) {
            return id;
        }
        String key = id.substring(GROUP.length());
        return key.equals(NONE) ? "group of the rest" : "group " + EntityRef.parse(key).name();
    }

    /** The key nodes without a team or system fold into. */
    public static final String NONE = "none";

    private static String label(String key, MapQuery query) {
        if (key.equals(NONE)) {
            return query.groupBy() == MapQuery.Grouping.TEAM ? "no team" : "no system";
        }
        return EntityRef.parse(key).name();
    }

    private static boolean isFocus(MapQuery query, int i) {
        return query.focus().isPresent() && query.focus().getAsInt() == i;
    }

    private static boolean passes(Node node, MapQuery query) {
        if (!query.kinds().isEmpty() && !query.kinds().contains(node.ref().kind())) {
            return false;
        }
        if (query.team().isPresent() && !node.owner().equals(query.team())) {
            return false;
        }
        return query.lifecycle().isEmpty() || node.lifecycle().map(l -> l.equalsIgnoreCase(query.lifecycle().get()))
                .orElse(false);
    }

    /** Dependencies to the right of the focus by distance, dependents to the left; the nearer side wins. */
    private static int column(int i, int[] towardsDependencies, int[] towardsDependents) {
        int right = towardsDependencies[i];
        int left = towardsDependents[i];
        if (right == 0 || left == 0) {
            return 0;
        }
        if (right > 0 && (left < 0 || right <= left)) {
            return right;
        }
        return -left;
    }

    /** A breadth-first walk along the chosen edges, {@code ahead} to {@code behind}; true when depth cut it short. */
    private static boolean walk(int n, int[] behind, int[] ahead, boolean[] chosen, int start, int depth,
            int[] distance) {
        int[][] next = adjacency(n, behind, ahead, chosen);
        distance[start] = 0;
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        queue[tail++] = start;
        boolean cut = false;
        while (head < tail) {
            int node = queue[head++];
            for (int neighbour : next[node]) {
                if (distance[neighbour] >= 0) {
                    continue;
                }
                if (distance[node] >= depth) {
                    cut = true;
                    continue;
                }
                distance[neighbour] = distance[node] + 1;
                queue[tail++] = neighbour;
            }
        }
        return cut;
    }

    private static int[][] adjacency(int n, int[] behind, int[] ahead, boolean[] chosen) {
        int[] count = new int[n];
        for (int e = 0; e < behind.length; e++) {
            if (chosen[e]) {
                count[behind[e]]++;
            }
        }
        int[][] next = new int[n][];
        for (int i = 0; i < n; i++) {
            next[i] = new int[count[i]];
        }
        Arrays.fill(count, 0);
        for (int e = 0; e < behind.length; e++) {
            if (chosen[e]) {
                next[behind[e]][count[behind[e]]++] = ahead[e];
            }
        }
        return next;
    }

    /** Per node, the team or system it folds into: its owner, or the system it is part of. */
    private static String[] groups(DependencyGraph graph, MapQuery query, int[] from, int[] to) {
        String[] keys = new String[graph.size()];
        Arrays.fill(keys, NONE);
        if (query.groupBy() == MapQuery.Grouping.TEAM) {
            for (int i = 0; i < graph.size(); i++) {
                int node = i;
                graph.node(i).owner().ifPresent(owner -> keys[node] = owner.toString());
            }
        } else {
            List<Edge> edges = graph.edges();
            for (int e = 0; e < edges.size(); e++) {
                if (edges.get(e).relation().equals("partOf") && graph.node(to[e]).ref().kind().equals("system")
                        && keys[from[e]].equals(NONE)) {
                    keys[from[e]] = graph.node(to[e]).ref().toString();
                }
            }
            for (int i = 0; i < graph.size(); i++) {
                if (graph.node(i).ref().kind().equals("system")) {
                    keys[i] = graph.node(i).ref().toString();
                }
            }
        }
        return keys;
    }

    /** Columns of items, each sorted by group then id and centred on the focus's row. */
    private static final class Layout {
        private final Map<Integer, List<String[]>> columns = new TreeMap<>();

        void add(int column, String group, String id) {
            columns.computeIfAbsent(column, c -> new ArrayList<>()).add(new String[] {group, id});
        }

        Map<String, double[]> columns() {
            Map<String, double[]> place = new HashMap<>();
            columns.forEach((column, items) -> {
                items.sort(Comparator.comparing((String[] a) -> a[0]).thenComparing(a -> a[1]));
                for (int k = 0; k < items.size(); k++) {
                    place.put(items.get(k)[1], new double[] {column * COLUMN, (k - (items.size() - 1) / 2.0) * ROW});
                }
            });
            return place;
        }
    }
}
