package dev.vitals.plugins.graph.model;

import dev.vitals.api.CatalogChanges;
import dev.vitals.api.CatalogEntity;
import dev.vitals.api.CatalogRelation;
import dev.vitals.api.CatalogView;
import dev.vitals.api.EntityRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the catalog through the plugin API, in bulk, into a {@link DependencyGraph}. */
public final class CatalogGraph {

    /** The annotation that gives a service's tier: 1 is the most critical. */
    public static final String TIER_ANNOTATION = "vitals.dev/tier";
    /** The kinds whose details (owner, lifecycle, tier) the graph reads. */
    static final List<String> KINDS = List.of("Component", "API", "Resource", "System", "Group", "Program");

    private static final Logger LOG = LoggerFactory.getLogger(CatalogGraph.class);

    private final CatalogView catalog;

    /** @param catalog the catalog */
    public CatalogGraph(CatalogView catalog) {
        this.catalog = catalog;
    }

    /** @return the graph of the catalog as it is now */
    public DependencyGraph build() {
        return read().graph();
    }

    /**
     * Reads the whole catalog.
     *
     * @return what the graph keeps of it, to build a graph from and to apply changes to
     */
    public CatalogCopy read() {
        long start = System.nanoTime();
        // The entities and the relations are two reads of about the same cost at 50,000 services: the entities are
        // read on a thread of their own meanwhile, so a rebuild waits for the longer one, not for both.
        FutureTask<List<Node>> entities = new FutureTask<>(this::nodes);
        Thread reader = new Thread(entities, "graph-read-entities");
        reader.setDaemon(true);
        reader.start();
        List<CatalogRelation> relations = catalog.relations();
        long relationsRead = System.nanoTime();
        List<Node> nodes = read(entities);
        long entitiesRead = System.nanoTime();
        CatalogCopy copy = CatalogCopy.of(nodes, relations);
        // Where a rebuild's time goes, for whoever sizes the portal: the reads are the host's, the rest the graph's.
        LOG.info("Dependency graph read: {} relations in {} ms and {} entities beside them, both in {} ms; kept in {} "
                + "ms", relations.size(), (relationsRead - start) / 1_000_000, nodes.size(),
                (entitiesRead - start) / 1_000_000, (System.nanoTime() - entitiesRead) / 1_000_000);
        return copy;
    }

    /**
     * @param version the catalog version a copy was read at
     * @return what changed since, read at one version; empty when the catalog cannot tell and must be read whole
     */
    public Optional<CatalogChanges> changesSince(long version) {
        return catalog.changesSince(version);
    }

    private List<Node> nodes() {
        List<Node> nodes = new ArrayList<>();
        for (String kind : KINDS) {
            catalog.entities(kind).forEach(entity -> nodes.add(node(entity)));
        }
        return nodes;
    }

    private static List<Node> read(FutureTask<List<Node>> entities) {
        try {
            return entities.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the catalog's entities", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException("the catalog's entities could not be read", e.getCause());
        }
    }

    /**
     * @param relation a relation as the catalog writes it
     * @return the edge in the graph's direction: an API points at its provider
     */
    public static Edge edge(CatalogRelation relation) {
        if (relation.type().equals(Relations.PROVIDES_API)) {
            return new Edge(relation.target(), relation.source(), Relations.PROVIDES_API, relation.role());
        }
        return new Edge(relation.source(), relation.target(), relation.type(), relation.role());
    }

    static Node node(CatalogEntity entity) {
        return new Node(entity.ref(), false, entity.owner(), entity.lifecycle().map(String::trim),
                tier(entity.annotations().get(TIER_ANNOTATION)));
    }

    static OptionalInt tier(String annotation) {
        try {
            return annotation == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(annotation.trim()));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** @return the catalog's version now, to tell whether a graph is stale */
    public long version() {
        return catalog.version();
    }

    /** @param ref a reference @return the catalog's entity, for details the graph does not keep */
    public Optional<CatalogEntity> entity(EntityRef ref) {
        return catalog.entity(ref);
    }
}
