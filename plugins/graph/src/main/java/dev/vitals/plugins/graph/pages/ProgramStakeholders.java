package dev.vitals.plugins.graph.pages;

import dev.vitals.api.EntityRef;
import dev.vitals.api.PluginUrls;
import dev.vitals.plugins.graph.answers.ServicePairs;
import dev.vitals.plugins.graph.answers.Stakeholders;
import dev.vitals.plugins.graph.freshness.GraphHolder;
import dev.vitals.plugins.graph.map.MapJson;
import dev.vitals.plugins.graph.model.DependencyGraph;
import dev.vitals.plugins.graph.model.Node;
import gg.jte.Content;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The stakeholder map on a program page: the program, its stakeholder teams with their roles, their services, and the
 * hidden stakeholders (teams whose services those services depend on, that the program does not name), drawn in five
 * columns and listed.
 */
public final class ProgramStakeholders {

    private static final double COLUMN = 240;
    private static final double ROW = 32;

    private final GraphHolder holder;
    private final PluginUrls urls;

    /**
     * @param holder the current graph
     * @param urls the plugin's URLs
     */
    public ProgramStakeholders(GraphHolder holder, PluginUrls urls) {
        this.holder = holder;
        this.urls = urls;
    }

    /** @return the panel for one program */
    public Content render(Context ctx, EntityRef program) {
        DependencyGraph graph = holder.current().graph();
        Optional<Stakeholders> stakeholders = Stakeholders.of(graph, program);
        Map<String, Object> params = new HashMap<>();
        params.put("stakeholders", stakeholders.orElse(null));
        params.put("drawing", stakeholders.filter(s -> !s.stakeholders().isEmpty())
                .map(s -> Drawing.of(ctx, "graph-stakeholders-data", drawing(graph, s),
                        "Drawing of the program's stakeholders; the lists beside it say the same"))
                .orElse(null));
        params.put("scripts", MapPage.scripts(urls));
        params.put("mapPage", urls.page("/map"));
        return Templates.render("program-stakeholders.jte", params);
    }

    /** Program → stakeholder teams → their services → the services they depend on → those services' teams. */
    static MapJson drawing(DependencyGraph graph, Stakeholders stakeholders) {
        Columns columns = new Columns();
        List<MapJson.MapEdge> edges = new ArrayList<>();
        columns.add(0, stakeholders.program(), "program", Optional.empty());
        Set<String> named = new TreeSet<>();
        for (Stakeholders.Stakeholder team : stakeholders.stakeholders()) {
            named.add(team.team());
            columns.add(1, team.team(), "group", Optional.of(team.team()));
            edges.add(new MapJson.MapEdge(stakeholders.program(), team.team(),
                    team.role().isEmpty() ? "stakeholder" : "stakeholder: " + team.role(), 1));
            for (String service : team.services()) {
                columns.add(2, service, "component", Optional.of(team.team()));
                edges.add(new MapJson.MapEdge(team.team(), service, "owns", 1));
            }
        }
        Map<List<String>, Integer> dependsOn = new LinkedHashMap<>();
        Set<String> hiddenTeams = new TreeSet<>();
        stakeholders.hidden().forEach(h -> hiddenTeams.add(h.team()));
        for (ServicePairs.Pair pair : ServicePairs.of(graph)) {
            Node from = graph.node(pair.from());
            Node to = graph.node(pair.to());
            String fromTeam = from.owner().map(EntityRef::toString).orElse("");
            String toTeam = to.owner().map(EntityRef::toString).orElse("");
            if (named.contains(fromTeam) && hiddenTeams.contains(toTeam)) {
                columns.add(3, to.ref().toString(), "component", Optional.of(toTeam));
                dependsOn.merge(List.of(from.ref().toString(), to.ref().toString()), 1, Integer::sum);
            }
        }
        dependsOn.keySet().forEach(pair -> edges.add(new MapJson.MapEdge(pair.get(0), pair.get(1), "dependsOn", 1)));
        for (Stakeholders.HiddenStakeholder hidden : stakeholders.hidden()) {
            columns.add(4, hidden.team(), "group", Optional.of(hidden.team()));
            for (String service : hidden.services()) {
                edges.add(new MapJson.MapEdge(service, hidden.team(), "ownedBy", 1));
            }
        }
        List<MapJson.MapNode> nodes = columns.nodes();
        return new MapJson(Optional.of(stakeholders.program()), 4, "dependencies", List.of("stakeholder", "owns",
                "dependsOn", "ownedBy"), Optional.empty(), Integer.MAX_VALUE, nodes.size(), edges.size(), nodes,
                List.of(), edges, new MapJson.Hidden(0, 0), false);
    }

    /** Nodes in columns, each node once, in the order first added, centred on the middle row. */
    private static final class Columns {
        private final Map<String, Object[]> nodes = new LinkedHashMap<>();
        private final int[] rows = new int[5];

        void add(int column, String ref, String kind, Optional<String> team) {
            nodes.computeIfAbsent(ref, r -> new Object[] {column, rows[column]++, kind, team});
        }

        List<MapJson.MapNode> nodes() {
            List<MapJson.MapNode> list = new ArrayList<>();
            nodes.forEach((ref, at) -> {
                int column = (int) at[0];
                @SuppressWarnings("unchecked")
                Optional<String> team = (Optional<String>) at[3];
                list.add(new MapJson.MapNode(ref, (String) at[2], team, Optional.empty(), false, Optional.empty(),
                        Optional.of(column), Optional.of(column == 0 ? "focus" : "dependency"), team.orElse("none"),
                        column * COLUMN, ((int) at[1] - (rows[column] - 1) / 2.0) * ROW,
                        PluginUrls.entity(EntityRef.parse(ref))));
            });
            return list;
        }
    }
}
