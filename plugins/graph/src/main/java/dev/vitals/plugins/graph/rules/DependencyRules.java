package dev.vitals.plugins.graph.rules;

import dev.vitals.api.EntityRef;
import dev.vitals.plugins.graph.answers.ServicePairs;
import dev.vitals.plugins.graph.answers.TransitiveDependents;
import dev.vitals.plugins.graph.model.DependencyGraph;
import dev.vitals.plugins.graph.model.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules a service's dependencies should keep, after OpsLevel's tier check:
 * <ul>
 *   <li>a service depends on no service of a higher tier number (tier 1 on tier 2 or 3 warns);</li>
 *   <li>a production service depends on nothing {@code experimental} or {@code deprecated};</li>
 *   <li>a service is in no dependency cycle;</li>
 *   <li>a service more than N services depend on, directly or transitively, has an SLO.</li>
 * </ul>
 * Dependencies between services are the service-to-service pairs: {@code dependsOn} or through one API.
 */
public final class DependencyRules {

    private DependencyRules() {
    }

    /**
     * @param graph the graph
     * @param cycles the graph's cycles, each its sorted refs
     * @param withSlo the services that have an SLO; empty when that cannot be known (the SLO plugin is not running),
     *     and then the SLO rule is not checked
     * @param maxDependentsWithoutSlo N: more services than this depending on one without an SLO warns
     * @return a verdict per service of the catalog, by reference
     */
    public static List<RuleVerdict> check(DependencyGraph graph, List<List<String>> cycles,
            Optional<Set<EntityRef>> withSlo, long maxDependentsWithoutSlo) {
        Map<Integer, List<String>> findings = new HashMap<>();
        for (ServicePairs.Pair pair : ServicePairs.of(graph)) {
            Node from = graph.node(pair.from());
            Node to = graph.node(pair.to());
            String edge = from.ref() + " → " + to.ref();
            if (from.tier().isPresent() && to.tier().isPresent() && to.tier().getAsInt() > from.tier().getAsInt()) {
                findings.computeIfAbsent(pair.from(), i -> new ArrayList<>()).add("tier " + from.tier().getAsInt()
                        + " depends on tier " + to.tier().getAsInt() + ": " + edge);
            }
            if (from.lifecycle().filter("production"::equals).isPresent()
                    && to.lifecycle().filter(l -> l.equals("experimental") || l.equals("deprecated")).isPresent()) {
                findings.computeIfAbsent(pair.from(), i -> new ArrayList<>()).add("production depends on "
                        + to.lifecycle().get() + ": " + edge);
            }
        }
        for (List<String> cycle : cycles) {
            for (String ref : cycle) {
                graph.indexOf(EntityRef.parse(ref)).filter(i -> graph.node(i).isService()).ifPresent(i ->
                        findings.computeIfAbsent(i, k -> new ArrayList<>()).add(cycle.size() == 1
                                ? "depends on itself" : "in a dependency cycle of " + cycle.size() + " nodes"));
            }
        }
        List<RuleVerdict> verdicts = new ArrayList<>();
        // Counted for every node at once over the graph of its cycles collapsed: a walk per service would not end
        // at tens of thousands of services.
        int[] serviceDependents = withSlo.isPresent() ? TransitiveDependents.services(graph) : new int[0];
        for (int i = 0; i < graph.size(); i++) {
            Node node = graph.node(i);
            if (!node.isService() || node.missing()) {
                continue;
            }
            if (withSlo.isPresent() && !withSlo.get().contains(node.ref())) {
                long dependents = serviceDependents[i];
                if (dependents > maxDependentsWithoutSlo) {
                    findings.computeIfAbsent(i, k -> new ArrayList<>()).add(dependents
                            + " services depend on it and it has no SLO");
                }
            }
            verdicts.add(new RuleVerdict(node.ref(), List.copyOf(findings.getOrDefault(i, List.of()))));
        }
        return verdicts;
    }
}
