package dev.vitals.plugins.graph.answers;

import dev.vitals.api.EntityRef;
import dev.vitals.plugins.graph.model.DependencyGraph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Teams as nodes: an edge A → B counts the distinct service-to-service pairs from A's services to B's services
 * (A ≠ B). A team's fan-in is how many other teams depend on it, its fan-out how many it depends on.
 *
 * @param edges team dependencies, heaviest first, then by teams
 * @param teams every team that owns a service in a pair, by reference
 */
public record TeamMap(List<TeamEdge> edges, List<Team> teams) {

    /** @param graph the graph @return its team map */
    public static TeamMap of(DependencyGraph graph) {
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (ServicePairs.Pair pair : ServicePairs.of(graph)) {
            Optional<EntityRef> from = graph.node(pair.from()).owner();
            Optional<EntityRef> to = graph.node(pair.to()).owner();
            if (from.isPresent() && to.isPresent() && !from.equals(to)) {
                counts.computeIfAbsent(from.get().toString(), t -> new TreeMap<>())
                        .merge(to.get().toString(), 1, Integer::sum);
            }
        }
        List<TeamEdge> edges = new ArrayList<>();
        Map<String, TreeSet<String>> in = new TreeMap<>();
        Map<String, TreeSet<String>> out = new TreeMap<>();
        counts.forEach((from, targets) -> targets.forEach((to, count) -> {
            edges.add(new TeamEdge(from, to, count));
            out.computeIfAbsent(from, t -> new TreeSet<>()).add(to);
            in.computeIfAbsent(to, t -> new TreeSet<>()).add(from);
            out.computeIfAbsent(to, t -> new TreeSet<>());
            in.computeIfAbsent(from, t -> new TreeSet<>());
        }));
        edges.sort(Comparator.comparingInt((TeamEdge e) -> -e.count()).thenComparing(TeamEdge::from)
                .thenComparing(TeamEdge::to));
        List<Team> teams = in.keySet().stream().map(t -> new Team(t, in.get(t).size(), out.get(t).size())).toList();
        return new TeamMap(edges, teams);
    }

    /**
     * @param from the team whose services depend
     * @param to the team whose services are depended on
     * @param count distinct service-to-service pairs
     */
    public record TeamEdge(String from, String to, int count) {
    }

    /**
     * @param ref the team
     * @param fanIn how many other teams depend on it
     * @param fanOut how many other teams it depends on
     */
    public record Team(String ref, int fanIn, int fanOut) {
    }
}
