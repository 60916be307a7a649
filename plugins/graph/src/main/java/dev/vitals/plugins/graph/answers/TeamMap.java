package dev.vitals.plugins.graph.answers;

import dev.vitals.plugins.graph.model.DependencyGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

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
        List<String> names = graph.teams();
        long[] pairs = ServicePairs.packed(graph);
        long[] teamPairs = new long[pairs.length];
        int count = 0;
        for (long pair : pairs) {
            int from = graph.ownerNumber(ServicePairs.from(pair));
            int to = graph.ownerNumber(ServicePairs.to(pair));
            if (from >= 0 && to >= 0 && from != to) {
                teamPairs[count++] = (long) from << 32 | to;
            }
        }
        Arrays.sort(teamPairs, 0, count);
        List<TeamEdge> edges = new ArrayList<>();
        int[] fanIn = new int[names.size()];
        int[] fanOut = new int[names.size()];
        boolean[] listed = new boolean[names.size()];
        for (int i = 0; i < count; ) {
            int j = i;
            while (j < count && teamPairs[j] == teamPairs[i]) {
                j++;
            }
            int from = (int) (teamPairs[i] >>> 32);
            int to = (int) teamPairs[i];
            edges.add(new TeamEdge(names.get(from), names.get(to), j - i));
            fanOut[from]++;
            fanIn[to]++;
            listed[from] = true;
            listed[to] = true;
            i = j;
        }
        edges.sort(Comparator.comparingInt((TeamEdge e) -> -e.count()).thenComparing(TeamEdge::from)
                .thenComparing(TeamEdge::to));
        List<Team> teams = new ArrayList<>();
        for (int t = 0; t < names.size(); t++) {
            if (listed[t]) {
                teams.add(new Team(names.get(t), fanIn[t], fanOut[t]));
            }
        }
        return new TeamMap(List.copyOf(edges), List.copyOf(teams));
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
