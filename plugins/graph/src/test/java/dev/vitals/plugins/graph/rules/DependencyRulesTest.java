package dev.vitals.plugins.graph.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vitals.api.EntityRef;
import dev.vitals.plugins.graph.answers.Cycles;
import dev.vitals.plugins.graph.model.DependencyGraph;
import dev.vitals.plugins.graph.model.Edge;
import dev.vitals.plugins.graph.model.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DependencyRulesTest {

    private final List<Node> nodes = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();

    private static EntityRef ref(String name) {
        return EntityRef.parse(name.contains(":") ? name : "component:" + name);
    }

    private void service(String name, String lifecycle, OptionalInt tier) {
        nodes.add(new Node(ref(name), false, Optional.of(ref("group:team")), Optional.of(lifecycle), tier));
    }

    private void edge(String from, String relation, String to) {
        edges.add(new Edge(ref(from), ref(to), relation, Optional.empty()));
    }

    private Map<String, List<String>> findings(Optional<Set<EntityRef>> withSlo, long max) {
        DependencyGraph graph = DependencyGraph.of(nodes, edges, nodes.stream().map(Node::ref).toList());
        Map<String, List<String>> out = new TreeMap<>();
        DependencyRules.check(graph, Cycles.of(graph), withSlo, max)
                .forEach(v -> out.put(v.service().name(), v.findings()));
        return out;
    }

    @Test
    void aTierOneServiceDependingOnATierThreeOneThroughAnApiWarnsNamingTheEdge() {
        service("checkout", "production", OptionalInt.of(1));
        service("recommend", "production", OptionalInt.of(3));
        service("auth", "production", OptionalInt.of(1));
        nodes.add(Node.known(ref("api:recs")));
        edge("checkout", "consumesApi", "api:recs");
        edge("api:recs", "providesApi", "recommend");
        edge("checkout", "dependsOn", "auth");

        assertEquals(Map.of(
                "checkout", List.of("tier 1 depends on tier 3: component:default/checkout → component:default/recommend"),
                "recommend", List.of(), "auth", List.of()), findings(Optional.empty(), 5));
    }

    @Test
    void aProductionServiceDependingOnAnExperimentalOneWarnsAndAnExperimentalOneDependingOnProductionDoesNot() {
        service("shop", "production", OptionalInt.empty());
        service("beta", "experimental", OptionalInt.empty());
        service("old", "deprecated", OptionalInt.empty());
        edge("shop", "dependsOn", "beta");
        edge("beta", "dependsOn", "shop");
        edge("beta", "dependsOn", "old");

        Map<String, List<String>> findings = findings(Optional.empty(), 5);

        assertEquals(List.of("production depends on experimental: component:default/shop → component:default/beta",
                "in a dependency cycle of 2 nodes"), findings.get("shop"));
        assertEquals(List.of("in a dependency cycle of 2 nodes"), findings.get("beta"));
        assertEquals(List.of(), findings.get("old"));
    }

    @Test
    void aServiceMoreThanNServicesDependOnWarnsOnlyWithoutAnSloAndOnlyWhenSlosCanBeKnown() {
        service("db-api", "production", OptionalInt.empty());
        service("covered", "production", OptionalInt.empty());
        for (int i = 0; i < 3; i++) {
            service("user" + i, "production", OptionalInt.empty());
            edge("user" + i, "dependsOn", "db-api");
            edge("user" + i, "dependsOn", "covered");
        }

        Map<String, List<String>> known = findings(Optional.of(Set.of(ref("covered"))), 2);
        Map<String, List<String>> unknown = findings(Optional.empty(), 2);
        Map<String, List<String>> atTheLimit = findings(Optional.of(Set.of()), 3);

        assertEquals(List.of("3 services depend on it and it has no SLO"), known.get("db-api"));
        assertEquals(List.of(), known.get("covered"));
        assertEquals(List.of(), unknown.get("db-api"));
        assertEquals(List.of(), atTheLimit.get("db-api"));
    }
}
