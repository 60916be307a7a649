package dev.vitals.plugins.graph.answers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.EntityRef;
import dev.vitals.plugins.graph.map.MapJson;
import dev.vitals.plugins.graph.map.MapQuery;
import dev.vitals.plugins.graph.map.MapQuery.Grouping;
import dev.vitals.plugins.graph.map.MapQuery.MapDirection;
import dev.vitals.plugins.graph.map.MapView;
import dev.vitals.plugins.graph.model.DependencyGraph;
import dev.vitals.plugins.graph.model.Edge;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The map's answer: nothing dropped, however it is grouped, filtered or focused. */
class MapViewTest {

    private static final Set<String> ALL = Set.of("dependsOn", "consumesApi", "providesApi", "partOf", "ownedBy",
            "stakeholder");

    @Test
    void onRandomGraphsTheMapsEdgesAreTheGraphsEdgesWhetherDrawnOneByOneOrCountedInGroups() {
        Random random = new Random(7);
        for (int round = 0; round < 40; round++) {
            DependencyGraph graph = RandomGraphs.anyRelations(random, 5 + random.nextInt(60), random.nextInt(200));
            Map<String, Integer> expected = multiset(graph);
            int total = graph.edges().size();
            for (Grouping grouping : Grouping.values()) {
                MapJson drawn = map(graph, query(OptionalInt.empty(), 5, MapDirection.BOTH, ALL, grouping,
                        Set.of(), Integer.MAX_VALUE));
                assertEquals(expected, drawnMultiset(drawn), "round " + round);
                assertEquals(Optional.empty(), drawn.groupedBy());

                MapJson grouped = map(graph, query(OptionalInt.empty(), 5, MapDirection.BOTH, ALL, grouping,
                        Set.of(), 3));
                int counted = grouped.edges().stream().mapToInt(MapJson.MapEdge::count).sum()
                        + grouped.groups().stream().mapToInt(MapJson.MapGroup::innerEdges).sum();
                assertEquals(total, counted, "round " + round + ": edges drawn plus edges inside groups");
                assertEquals(total, grouped.edgesInView());
                assertEquals(grouped.nodesInView(), grouped.nodes().size()
                        + grouped.groups().stream().mapToInt(MapJson.MapGroup::nodes).sum());

                Set<String> every = new TreeSet<>();
                grouped.groups().forEach(g -> every.add(g.key()));
                MapJson expanded = map(graph, query(OptionalInt.empty(), 5, MapDirection.BOTH, ALL, grouping,
                        every, 3));
                assertEquals(expected, drawnMultiset(expanded), "round " + round + ": every group expanded");
                assertEquals(List.of(), expanded.groups());
            }
        }
    }

    @Test
    void aFocusedMapHoldsEveryEdgeAmongTheNodesWithinReachAndCountsWhatTheFiltersHide() {
        Random random = new Random(11);
        for (int round = 0; round < 40; round++) {
            DependencyGraph graph = RandomGraphs.anyRelations(random, 5 + random.nextInt(60), random.nextInt(200));
            int focus = random.nextInt(graph.size());
            MapJson map = map(graph, query(OptionalInt.of(focus), 1 + random.nextInt(5), MapDirection.BOTH,
                    MapQuery.DEPENDENCY_RELATIONS, Grouping.TEAM, Set.of(), Integer.MAX_VALUE));
            Set<String> inView = new TreeSet<>();
            map.nodes().forEach(n -> inView.add(n.id()));
            Map<String, Integer> among = new TreeMap<>();
            for (Edge edge : graph.edges()) {
                if (edge.isDependency() && inView.contains(edge.from().toString())
                        && inView.contains(edge.to().toString())) {
                    among.merge(edge.from() + " " + edge.relation() + " " + edge.to(), 1, Integer::sum);
                }
            }
            assertEquals(among, drawnMultiset(map), "round " + round);
        }
    }

    /**
     * a → b → c and a → x; b, c of team core, x of team edge. Focused on a, filtered to team core: x and the edge
     * a → x are hidden and counted. With a budget of 1, b and c fold into group core holding 2 nodes and 1 edge, and
     * the edge a → b becomes a → core, count 1.
     */
    @Test
    void aFilterCountsWhatItHidesAndAGroupSaysHowManyNodesAndEdgesItHolds() {
        DependencyGraph graph = Graphs.of().service("a", "core", "production").service("b", "core", "production")
                .service("c", "core", "experimental").service("x", "edge", "production")
                .dependsOn("a", "b", "x").dependsOn("b", "c").build();
        int a = Graphs.at(graph, "a");
        MapQuery core = new MapQuery(OptionalInt.of(a), 3, MapDirection.BOTH, Set.of(),
                MapQuery.DEPENDENCY_RELATIONS, Optional.of(EntityRef.of("group", "core")), Optional.empty(),
                Grouping.TEAM, Set.of(), 300);

        MapJson filtered = map(graph, core);
        MapJson grouped = map(graph, new MapQuery(core.focus(), 3, MapDirection.BOTH, Set.of(),
                MapQuery.DEPENDENCY_RELATIONS, core.team(), Optional.empty(), Grouping.TEAM, Set.of(), 1));

        assertEquals(new MapJson.Hidden(1, 1), filtered.hidden());
        assertEquals(List.of("component:default/a", "component:default/b", "component:default/c"),
                filtered.nodes().stream().map(MapJson.MapNode::id).toList());
        assertEquals(List.of(0, 1, 2), filtered.nodes().stream().map(n -> n.distance().orElseThrow()).toList());
        assertEquals(List.of(new MapJson.MapGroup("group group:default/core", "group:default/core", "core", 2, 1,
                Optional.empty(), MapViewTestLayout.COLUMN, 0, "core")), grouped.groups().stream()
                .map(g -> new MapJson.MapGroup(g.id(), g.key(), g.label(), g.nodes(), g.innerEdges(), g.health(),
                        g.x(), g.y(), g.label())).toList());
        assertEquals(List.of(new MapJson.MapEdge("component:default/a", "group group:default/core", "dependsOn", 1)),
                grouped.edges());
        assertEquals(Optional.of("team"), grouped.groupedBy());
    }

    @Test
    void theDepthLimitSaysNodesLieBeyondItAndTheDirectionKeepsToOneSide() {
        DependencyGraph graph = Graphs.of().dependsOn("a", "b").dependsOn("b", "c").dependsOn("z", "a").build();
        int b = Graphs.at(graph, "b");

        MapJson dependencies = map(graph, query(OptionalInt.of(Graphs.at(graph, "a")), 1, MapDirection.DEPENDENCIES,
                MapQuery.DEPENDENCY_RELATIONS, Grouping.TEAM, Set.of(), 300));
        MapJson both = map(graph, query(OptionalInt.of(b), 1, MapDirection.BOTH, MapQuery.DEPENDENCY_RELATIONS,
                Grouping.TEAM, Set.of(), 300));

        assertTrue(dependencies.beyondDepth());
        assertEquals(List.of("component:default/a", "component:default/b"),
                dependencies.nodes().stream().map(MapJson.MapNode::id).toList());
        assertEquals(List.of("focus", "dependent", "dependency"), both.nodes().stream()
                .map(n -> n.side().orElseThrow()).toList());
        assertTrue(both.nodes().get(1).x() < 0 && both.nodes().get(2).x() > 0, "dependents left, dependencies right");
        assertFalse(map(graph, query(OptionalInt.of(b), 5, MapDirection.BOTH, MapQuery.DEPENDENCY_RELATIONS,
                Grouping.TEAM, Set.of(), 300)).beyondDepth());
    }

    private static MapQuery query(OptionalInt focus, int depth, MapDirection direction, Set<String> relations,
            Grouping grouping, Set<String> expand, int budget) {
        return new MapQuery(focus, depth, direction, Set.of(), relations, Optional.empty(), Optional.empty(),
                grouping, expand, budget);
    }

    private static MapJson map(DependencyGraph graph, MapQuery query) {
        return MapView.of(graph, query, ref -> Optional.empty(), q -> "map");
    }

    private static Map<String, Integer> multiset(DependencyGraph graph) {
        Map<String, Integer> edges = new TreeMap<>();
        graph.edges().forEach(e -> edges.merge(e.from() + " " + e.relation() + " " + e.to(), 1, Integer::sum));
        return edges;
    }

    private static Map<String, Integer> drawnMultiset(MapJson map) {
        Map<String, Integer> edges = new HashMap<>();
        map.edges().forEach(e -> edges.merge(e.from() + " " + e.relation() + " " + e.to(), e.count(), Integer::sum));
        return new TreeMap<>(edges);
    }

    /** The layout's column width, as the map places a group one column right of the focus. */
    private static final class MapViewTestLayout {
        static final double COLUMN = 260;
    }
}
