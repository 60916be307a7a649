package dev.vitals.plugins.graph.map;

import dev.vitals.api.EntityRef;
import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.plugins.graph.api.Parameters;
import dev.vitals.plugins.graph.model.DependencyGraph;
import dev.vitals.plugins.graph.model.Relations;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a map shows: around which node, how far and which way, along which relations, which nodes, and how nodes are
 * grouped when there are too many to draw one by one.
 *
 * @param focus the node the map is centred on; empty for the whole graph
 * @param depth the most edges from the focus, 1 to 5
 * @param direction which way from the focus
 * @param kinds the kinds of node shown, lower case; empty for every kind
 * @param relations the relations walked and drawn
 * @param team only nodes this team owns (the focus is always shown)
 * @param lifecycle only nodes of this lifecycle (the focus is always shown)
 * @param groupBy how nodes are grouped above the budget
 * @param expand the keys of the groups shown node by node
 * @param budget the most nodes drawn one by one before the map groups them
 */
public record MapQuery(OptionalInt focus, int depth, MapDirection direction, Set<String> kinds,
        Set<String> relations, Optional<EntityRef> team, Optional<String> lifecycle, Grouping groupBy,
        Set<String> expand, int budget) {

    /** The relations a map walks when none are asked for: the dependency edges. */
    public static final Set<String> DEPENDENCY_RELATIONS = Set.of(Relations.DEPENDS_ON, Relations.CONSUMES_API,
            Relations.PROVIDES_API);
    /** The depth when none is asked for. */
    public static final int DEFAULT_DEPTH = 2;

    /** Which way a map reaches from its focus. */
    public enum MapDirection {
        /** What the focus needs and what needs it. */
        BOTH,
        /** What needs the focus: its blast radius. */
        DEPENDENTS,
        /** What the focus needs. */
        DEPENDENCIES;

        /** @return the word the query and the page use */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How nodes are grouped when the map holds more than its budget. */
    public enum Grouping {
        /** By owning team. */
        TEAM,
        /** By the system a node is part of. */
        SYSTEM;

        /** @return the word the query and the page use */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param graph the graph the map is drawn from
     * @param budget the most nodes drawn one by one
     * @return the whole graph's dependency edges, grouped by team above the budget
     */
    public static MapQuery whole(DependencyGraph graph, int budget) {
        return new MapQuery(OptionalInt.empty(), DEFAULT_DEPTH, MapDirection.BOTH, Set.of(), DEPENDENCY_RELATIONS,
                Optional.empty(), Optional.empty(), Grouping.TEAM, Set.of(), budget);
    }

    /**
     * Reads the query parameters {@code focus, depth, direction, kind, relation, team, lifecycle, group, expand};
     * {@code kind}, {@code relation} and {@code expand} may repeat or hold commas.
     *
     * @param ctx the request
     * @param graph the graph, to find the focus and to know its relations and kinds
     * @param budget the most nodes drawn one by one
     * @return the query
     * @throws ProblemException 400 naming the parameter that is not understood; 404 when the focus is not in the graph
     */
    public static MapQuery from(Context ctx, DependencyGraph graph, int budget) {
        OptionalInt focus = Parameters.optionalNode(ctx, graph, "focus");
        int depth = Parameters.wholeNumber(ctx, "depth", 1, 5).orElse(DEFAULT_DEPTH);
        MapDirection direction = word(ctx, "direction", MapDirection.class, MapDirection.BOTH);
        Grouping groupBy = word(ctx, "group", Grouping.class, Grouping.TEAM);
        Set<String> knownKinds = new TreeSet<>();
        Set<String> knownRelations = new TreeSet<>(DEPENDENCY_RELATIONS);
        graph.nodes().forEach(node -> knownKinds.add(node.ref().kind()));
        graph.edges().forEach(edge -> knownRelations.add(edge.relation()));
        Set<String> kinds = values(ctx, "kind", knownKinds, true);
        Set<String> relations = values(ctx, "relation", knownRelations, false);
        Optional<EntityRef> team = Parameters.text(ctx, "team").map(MapQuery::team);
        Optional<String> lifecycle = Parameters.text(ctx, "lifecycle").map(s -> s.toLowerCase(Locale.ROOT));
        Set<String> expand = new TreeSet<>(all(ctx, "expand"));
        return new MapQuery(focus, depth, direction, kinds, relations.isEmpty() ? DEPENDENCY_RELATIONS : relations,
                team, lifecycle, groupBy, expand, budget);
    }

    /**
     * @return the query parameters that ask for this map, to build links that keep it while changing one part
     */
    public Map<String, List<String>> parameters(DependencyGraph graph) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        focus.ifPresent(i -> parameters.put("focus", List.of(graph.node(i).ref().toString())));
        parameters.put("depth", List.of(Integer.toString(depth)));
        parameters.put("direction", List.of(direction.word()));
        if (!kinds.isEmpty()) {
            parameters.put("kind", List.copyOf(new TreeSet<>(kinds)));
        }
        if (!relations.equals(DEPENDENCY_RELATIONS)) {
            parameters.put("relation", List.copyOf(new TreeSet<>(relations)));
        }
        team.ifPresent(t -> parameters.put("team", List.of(t.toString())));
        lifecycle.ifPresent(l -> parameters.put("lifecycle", List.of(l)));
        parameters.put("group", List.of(groupBy.word()));
        if (!expand.isEmpty()) {
            parameters.put("expand", List.copyOf(expand));
        }
        return parameters;
    }

    /** @return the same map centred on another node, its groups folded again */
    public MapQuery focusedOn(int node) {
        return new MapQuery(OptionalInt.of(node), depth, direction, kinds, relations, team, lifecycle, groupBy,
                Set.of(), budget);
    }

    /** @return the same map with one more group shown node by node */
    public MapQuery expanding(String group) {
        Set<String> more = new TreeSet<>(expand);
        more.add(group);
        return new MapQuery(focus, depth, direction, kinds, relations, team, lifecycle, groupBy, more, budget);
    }

    private static <E extends Enum<E>> E word(Context ctx, String name, Class<E> type, E otherwise) {
        Optional<String> text = Parameters.text(ctx, name);
        if (text.isEmpty()) {
            return otherwise;
        }
        for (E value : type.getEnumConstants()) {
            if (value.name().equalsIgnoreCase(text.get())) {
                return value;
            }
        }
        List<String> words = new ArrayList<>();
        for (E value : type.getEnumConstants()) {
            words.add(value.name().toLowerCase(Locale.ROOT));
        }
        throw refused(name, "must be one of " + String.join(", ", words) + ", got '" + text.get() + "'");
    }

    private static Set<String> values(Context ctx, String name, Set<String> known, boolean lowerCase) {
        Set<String> values = new TreeSet<>();
        for (String value : all(ctx, name)) {
            String match = known.stream().filter(k -> k.equalsIgnoreCase(value)).findFirst().orElseThrow(() ->
                    refused(name, "must be one of " + String.join(", ", known) + ", got '" + value + "'"));
            values.add(lowerCase ? match.toLowerCase(Locale.ROOT) : match);
        }
        return values;
    }

    private static EntityRef team(String text) {
        try {
            return EntityRef.parse(text, "group");
        } catch (IllegalArgumentException e) {
            throw refused("team", "must be a team's name or group:namespace/name, got '" + text + "'");
        }
    }

    private static List<String> all(Context ctx, String name) {
        List<String> values = new ArrayList<>();
        for (String parameter : ctx.queryParams(name)) {
            for (String part : parameter.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.trim());
                }
            }
        }
        return values;
    }

    private static ProblemException refused(String name, String why) {
        return new ProblemException(400, "the query parameter '" + name + "' is not understood",
                List.of(new FieldError(name, why)));
    }
}
