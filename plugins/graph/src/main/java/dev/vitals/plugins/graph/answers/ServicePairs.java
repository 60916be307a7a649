package dev.vitals.plugins.graph.answers;

import dev.vitals.plugins.graph.model.DependencyGraph;
import dev.vitals.plugins.graph.model.Edge;
import dev.vitals.plugins.graph.model.Relations;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
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
     * The same pairs as {@link #of}, packed into longs (the depending service's number in the high half) and sorted,
     * so that tens of thousands of services' pairs take one array rather than a set of boxed pairs.
     *
     * @param graph the graph
     * @return each distinct pair once, in ascending order
     */
    public static long[] packed(DependencyGraph graph) {
        // By the edges' kept ends and the nodes' service flags: no reference is looked up per edge, which at 377,810
        // edges was most of the team map's time.
        long[] pairs = new long[1024];
        int count = 0;
        List<Edge> edges = graph.edges();
        for (int e = 0; e < edges.size(); e++) {
            String relation = edges.get(e).relation();
            boolean dependsOn = relation.equals(Relations.DEPENDS_ON);
            if (!dependsOn && !relation.equals(Relations.CONSUMES_API)) {
                continue;
            }
            int from = graph.fromOf(e);
            if (!graph.isService(from)) {
                continue;
            }
            int to = graph.toOf(e);
            if (dependsOn) {
                if (graph.isService(to)) {
                    pairs = grown(pairs, count, 1);
                    pairs[count++] = pack(from, to);
                }
                continue;
            }
            int[] providers = graph.dependenciesOf(to);
            pairs = grown(pairs, count, providers.length);
            for (int provider : providers) {
                if (graph.isService(provider)) {
                    pairs[count++] = pack(from, provider);
                }
            }
        }
        Arrays.sort(pairs, 0, count);
        int distinct = 0;
        for (int i = 0; i < count; i++) {
            if (distinct == 0 || pairs[i] != pairs[distinct - 1]) {
                pairs[distinct++] = pairs[i];
            }
        }
        return Arrays.copyOf(pairs, distinct);
    }

    /** @param pair a packed pair @return the number of the service that depends */
    public static int from(long pair) {
        return (int) (pair >>> 32);
    }

    /** @param pair a packed pair @return the number of the service depended on */
    public static int to(long pair) {
        return (int) pair;
    }

    private static long pack(int from, int to) {
        return (long) from << 32 | to;
    }

    private static long[] grown(long[] pairs, int count, int more) {
        return count + more <= pairs.length ? pairs : Arrays.copyOf(pairs, Math.max(pairs.length * 2, count + more));
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
