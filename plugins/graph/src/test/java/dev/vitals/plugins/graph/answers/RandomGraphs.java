package dev.vitals.plugins.graph.answers;

import dev.vitals.plugins.graph.model.DependencyGraph;
import java.util.List;
import java.util.Random;

/** Random graphs of services, APIs and resources, with every relation, loops and repeated edges. */
final class RandomGraphs {

    private static final List<String> RELATIONS = List.of("dependsOn", "consumesApi", "providesApi", "partOf",
            "ownedBy", "stakeholder");

    private RandomGraphs() {
    }

    /** Only dependsOn edges between services, loops and repeats included. */
    static DependencyGraph dependencies(Random random, int nodes, int edges) {
        Graphs graphs = Graphs.of();
        for (int i = 0; i < nodes; i++) {
            graphs.node("s" + i);
        }
        for (int e = 0; e < edges; e++) {
            graphs.dependsOn("s" + random.nextInt(nodes), "s" + random.nextInt(nodes));
        }
        return graphs.build();
    }

    /** Any relation between nodes of several kinds, some dangling. */
    static DependencyGraph anyRelations(Random random, int nodes, int edges) {
        Graphs graphs = Graphs.of();
        for (int i = 0; i < nodes; i++) {
            graphs.node(name(i));
        }
        for (int e = 0; e < edges; e++) {
            int to = random.nextInt(nodes + 3);
            graphs.edge(name(random.nextInt(nodes)), RELATIONS.get(random.nextInt(RELATIONS.size())),
                    to < nodes ? name(to) : "resource:dangling-" + to);
        }
        return graphs.build();
    }

    private static String name(int i) {
        return switch (i % 3) {
            case 0 -> "component:svc-" + i;
            case 1 -> "api:api-" + i;
            default -> "resource:db-" + i;
        };
    }
}
