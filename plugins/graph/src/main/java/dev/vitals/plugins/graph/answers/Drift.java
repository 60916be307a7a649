package dev.vitals.plugins.graph.answers;

import dev.vitals.api.EntityRef;
import dev.vitals.plugins.graph.model.DependencyGraph;
import dev.vitals.plugins.graph.model.Edge;
import dev.vitals.plugins.graph.model.ObservedEdge;
import dev.vitals.plugins.graph.model.Relations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where the declared graph and the observed calls disagree. A declared {@code dependsOn} X → Y is observed when calls
 * X → Y were seen; a declared {@code consumesApi} X → API when calls X → API, or X → one of the API's providers,
 * were seen. An observed X → Y is declared when X depends on Y, consumes Y, or consumes an API that Y provides.
 *
 * @param declaredNeverObserved declared edges with no calls in the window, by from then to
 * @param observedNeverDeclared observed edges no declaration explains, by from then to
 */
public record Drift(List<DeclaredEdge> declaredNeverObserved, List<ObservedEdge> observedNeverDeclared) {

    /**
     * @param graph the declared graph
     * @param observed the observed edges of the window
     * @return the drift between them
     */
    public static Drift of(DependencyGraph graph, List<ObservedEdge> observed) {
        Set<String> seen = new HashSet<>();
        observed.forEach(edge -> seen.add(key(edge.from(), edge.to())));
        List<DeclaredEdge> unobserved = new ArrayList<>();
        Set<String> declared = new HashSet<>();
        for (Edge edge : graph.edges()) {
            if (edge.relation().equals(Relations.DEPENDS_ON)) {
                declared.add(key(edge.from(), edge.to()));
                if (!seen.contains(key(edge.from(), edge.to()))) {
                    unobserved.add(new DeclaredEdge(edge.from().toString(), edge.relation(), edge.to().toString()));
                }
            } else if (edge.relation().equals(Relations.CONSUMES_API)) {
                declared.add(key(edge.from(), edge.to()));
                boolean called = seen.contains(key(edge.from(), edge.to()));
                for (EntityRef provider : providers(graph, edge.to())) {
                    declared.add(key(edge.from(), provider));
                    called |= seen.contains(key(edge.from(), provider));
                }
                if (!called) {
                    unobserved.add(new DeclaredEdge(edge.from().toString(), edge.relation(), edge.to().toString()));
                }
            }
        }
        unobserved.sort(Comparator.comparing(DeclaredEdge::from).thenComparing(DeclaredEdge::to));
        List<ObservedEdge> undeclared = observed.stream().filter(e -> !declared.contains(key(e.from(), e.to())))
                .sorted(Comparator.comparing((ObservedEdge e) -> e.from().toString())
                        .thenComparing(e -> e.to().toString()))
                .toList();
        return new Drift(unobserved, undeclared);
    }

    private static List<EntityRef> providers(DependencyGraph graph, EntityRef api) {
        List<EntityRef> providers = new ArrayList<>();
        graph.indexOf(api).ifPresent(i -> {
            for (int provider : graph.dependenciesOf(i)) {
                providers.add(graph.node(provider).ref());
            }
        });
        return providers;
    }

    private static String key(EntityRef from, EntityRef to) {
        return from + " " + to;
    }

    /**
     * @param from the entity that declares it
     * @param relation {@code dependsOn} or {@code consumesApi}
     * @param to the entity it names
     */
    public record DeclaredEdge(String from, String relation, String to) {
    }
}
