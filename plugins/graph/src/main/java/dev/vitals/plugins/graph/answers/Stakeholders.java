package dev.vitals.plugins.graph.answers;

import dev.vitals.api.EntityRef;
import dev.vitals.plugins.graph.model.DependencyGraph;
import dev.vitals.plugins.graph.model.Edge;
import dev.vitals.plugins.graph.model.Relations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A program's stakeholder teams with their roles and services, and its hidden stakeholders: the teams whose services
 * the stakeholders' services depend on directly (a service-to-service pair) that the program does not name.
 *
 * @param program the program
 * @param stakeholders the teams the program names, by reference
 * @param hidden the teams it depends on without naming them, by reference
 */
public record Stakeholders(String program, List<Stakeholder> stakeholders, List<HiddenStakeholder> hidden) {

    /**
     * @param graph the graph
     * @param program the program's reference
     * @return its stakeholders; empty when the graph has no such program
     */
    public static Optional<Stakeholders> of(DependencyGraph graph, EntityRef program) {
        if (graph.indexOf(program).filter(i -> !graph.node(i).missing()).isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> roles = new TreeMap<>();
        for (Edge edge : graph.edges()) {
            if (edge.from().equals(program) && edge.relation().equals(Relations.STAKEHOLDER)) {
                roles.merge(edge.to().toString(), edge.role().orElse(""), (a, b) -> a.isEmpty() ? b : a);
            }
        }
        Map<String, TreeSet<String>> services = new LinkedHashMap<>();
        roles.keySet().forEach(team -> services.put(team, new TreeSet<>()));
        for (int i = 0; i < graph.size(); i++) {
            var node = graph.node(i);
            if (node.isService() && node.owner().isPresent() && services.containsKey(node.owner().get().toString())) {
                services.get(node.owner().get().toString()).add(node.ref().toString());
            }
        }
        Map<String, TreeSet<String>> hiddenVia = new TreeMap<>();
        for (ServicePairs.Pair pair : ServicePairs.of(graph)) {
            var from = graph.node(pair.from());
            var to = graph.node(pair.to());
            if (from.owner().isPresent() && roles.containsKey(from.owner().get().toString())
                    && to.owner().isPresent() && !roles.containsKey(to.owner().get().toString())) {
                hiddenVia.computeIfAbsent(to.owner().get().toString(), t -> new TreeSet<>()).add(to.ref().toString());
            }
        }
        List<Stakeholder> named = new ArrayList<>();
        roles.forEach((team, role) -> named.add(new Stakeholder(team, role, List.copyOf(services.get(team)))));
        List<HiddenStakeholder> hidden = new ArrayList<>();
        hiddenVia.forEach((team, via) -> hidden.add(new HiddenStakeholder(team, List.copyOf(via))));
        return Optional.of(new Stakeholders(program.toString(), named, hidden));
    }

    /**
     * @param team the team
     * @param role its role, e.g. {@code sponsor}; empty when the program gives none
     * @param services the services it owns
     */
    public record Stakeholder(String team, String role, List<String> services) {
    }

    /**
     * @param team the team the program depends on without naming it
     * @param services its services that stakeholders' services depend on
     */
    public record HiddenStakeholder(String team, List<String> services) {
    }
}
