package dev.vitals.plugins.graph.answers;

import dev.vitals.plugins.graph.model.DependencyGraph;
import dev.vitals.plugins.graph.model.Edge;
import dev.vitals.plugins.graph.model.Relations;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The distinct service-to-service dependencies: X depends on Y directly by {@code dependsOn}, or through one API that
 * X consumes and Y provides. Each pair counts once however many ways it is declared.
 */
public final class ServicePairs {

    private ServicePairs() {
    }

    /**
     * @param graph the graph
     * @return each pair of node numbers (services only), {@code from} depending on {@code to}; a service's pair with
     *     itself included when it depends on itself
     */
    public static Set<Pair> of(DependencyGraph graph) {
        Set<Pair> pairs = new LinkedHashSet<>();
        for (Edge edge : graph.edges()) {
            int from = graph.indexOf(edge.from()).orElseThrow();
            if (!graph.node(from).isService()) {
                continue;
            }
            int to = graph.indexOf(edge.to()).orElseThrow();
            if (edge.relation().equals(Relations.DEPENDS_ON) && graph.node(to).isService()) {
                pairs.add(new Pair(from, to));
            } else if (edge.relation().equals(Relations.CONSUMES_API)) {
                for (int provider : graph.dependenciesOf(to)) {
                    if (graph.node(provider).isService()) {
                        pairs.add(new Pair(from, provider));
                    }
                }
            }
        }
        return pairs;
    }

    /**
     * One service depending on another.
     *
     * @param from the node number of the service that depends
     * @param to the node number of the service depended on
     */
    public record Pair(int from, int to) {
    }
}
