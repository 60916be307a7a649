package dev.vitals.plugins.graph.freshness;

import dev.vitals.plugins.graph.answers.Criticality;
import dev.vitals.plugins.graph.answers.Cycles;
import dev.vitals.plugins.graph.answers.TeamMap;
import dev.vitals.plugins.graph.answers.Walks;
import dev.vitals.plugins.graph.model.DependencyGraph;
import dev.vitals.plugins.graph.model.ObservedEdge;
import java.time.Instant;
import java.util.List;

/**
 * One complete, immutable graph as readers see it: the declared graph, the observed edges of the last 30 days, and
 * the catalog version it was built from. The answers that cost a walk per node are computed once per snapshot, on
 * first use (the team map while the snapshot is built, see {@link GraphHolder}); answers written out as JSON are
 * {@linkplain #kept() kept} with its declared graph, and go with it.
 */
public final class GraphSnapshot {

    private final DependencyGraph graph;
    private final List<ObservedEdge> observed;
    private final long catalogVersion;
    private final Instant builtAt;
    private volatile Criticality criticality;
    private volatile List<List<String>> cycles;
    private volatile TeamMap teamMap;
    private final KeptAnswers kept;
    private final Walks walks;

    /**
     * @param graph the declared graph
     * @param observed the observed edges
     * @param catalogVersion the catalog version the graph was read at
     * @param builtAt when it was built
     */
    public GraphSnapshot(DependencyGraph graph, List<ObservedEdge> observed, long catalogVersion, Instant builtAt) {
        this(graph, observed, catalogVersion, builtAt, new KeptAnswers());
    }

    private GraphSnapshot(DependencyGraph graph, List<ObservedEdge> observed, long catalogVersion, Instant builtAt,
            KeptAnswers kept) {
        this.graph = graph;
        this.kept = kept;
        this.observed = List.copyOf(observed);
        this.catalogVersion = catalogVersion;
        this.builtAt = builtAt;
        this.walks = new Walks(graph);
    }

    /**
     * The same declared graph with other observed edges, for a rebuild that the catalog did not cause: the graph and
     * the answers computed from it alone (team map, cycles, criticality) are shared, not read or computed again,
     * and so are the answers written out as JSON (blast radii and the team map read the declared graph only): the
     * first view of the team map after observed edges arrived would otherwise write its 150,000 team edges again
     * (0.3–1.1 s at 50,000 services, with how warm the JIT is for the JSON writer).
     *
     * @param newObserved the observed edges of the window now
     * @param newBuiltAt when it was built
     * @return the new snapshot
     */
    public GraphSnapshot withObserved(List<ObservedEdge> newObserved, Instant newBuiltAt) {
        GraphSnapshot next = new GraphSnapshot(graph, newObserved, catalogVersion, newBuiltAt, kept);
        next.teamMap = teamMap;
        next.cycles = cycles;
        next.criticality = criticality;
        return next;
    }

    /** @return the declared graph */
    public DependencyGraph graph() {
        return graph;
    }

    /** @return the observed edges of the window */
    public List<ObservedEdge> observed() {
        return observed;
    }

    /** @return the catalog version the graph was read at */
    public long catalogVersion() {
        return catalogVersion;
    }

    /** @return when it was built */
    public Instant builtAt() {
        return builtAt;
    }

    /** @return every node's criticality, computed on first use */
    public Criticality criticality() {
        Criticality computed = criticality;
        if (computed == null) {
            computed = Criticality.of(graph);
            criticality = computed;
        }
        return computed;
    }

    /** @return answers written out for this snapshot's declared graph, none when the graph is new */
    public KeptAnswers kept() {
        return kept;
    }

    /** @return breadth-first walks over the graph that reuse their arrays */
    public Walks walks() {
        return walks;
    }

    /** @return the team map, computed on first use */
    public TeamMap teamMap() {
        TeamMap computed = teamMap;
        if (computed == null) {
            computed = TeamMap.of(graph);
            teamMap = computed;
        }
        return computed;
    }

    /** @return the dependency cycles, computed on first use */
    public List<List<String>> cycles() {
        List<List<String>> computed = cycles;
        if (computed == null) {
            computed = Cycles.of(graph);
            cycles = computed;
        }
        return computed;
    }
}
