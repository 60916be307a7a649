package dev.vitals.plugins.graph.answers;

import dev.vitals.api.EntityRef;
import dev.vitals.plugins.graph.model.DependencyGraph;
import dev.vitals.plugins.graph.model.Edge;
import dev.vitals.plugins.graph.model.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Hand-built graphs: nodes named {@code kind:name}, edges in the graph's direction. */
final class Graphs {

    private final List<Node> nodes = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();

    static Graphs of() {
        return new Graphs();
    }

    static EntityRef ref(String text) {
        return EntityRef.parse(text.contains(":") ? text : "component:" + text);
    }

    /** A service owned by a team, with a lifecycle. */
    Graphs service(String name, String team, String lifecycle) {
        nodes.add(new Node(ref(name), false, Optional.of(ref("group:" + team)), Optional.of(lifecycle),
                OptionalInt.empty()));
        return this;
    }

    Graphs node(String name) {
        nodes.add(Node.known(ref(name)));
        return this;
    }

    Graphs edge(String from, String relation, String to) {
        edges.add(new Edge(ref(from), ref(to), relation, Optional.empty()));
        return this;
    }

    Graphs dependsOn(String from, String... to) {
        for (String target : to) {
            edge(from, "dependsOn", target);
        }
        return this;
    }

    Graphs consumes(String consumer, String api) {
        return edge(consumer, "consumesApi", api);
    }

    /** The API points at its provider, as the graph reads {@code providesApi}. */
    Graphs provides(String provider, String api) {
        return edge(api, "providesApi", provider);
    }

    Graphs stakeholder(String program, String team, String role) {
        edges.add(new Edge(ref(program), ref("group:" + team), "stakeholder", Optional.of(role)));
        return this;
    }

    DependencyGraph build() {
        List<EntityRef> known = nodes.stream().map(Node::ref).toList();
        return DependencyGraph.of(nodes, edges, known);
    }

    static int at(DependencyGraph graph, String name) {
        return graph.indexOf(ref(name)).orElseThrow();
    }
}
