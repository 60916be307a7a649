package dev.vitals.plugins.graph.model;

import dev.vitals.api.CatalogChange;
import dev.vitals.api.CatalogChanges;
import dev.vitals.api.CatalogRelation;
import dev.vitals.api.EntityRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the graph read from the catalog, kept between rebuilds so that a catalog change is applied rather than the
 * whole catalog read again: the edges written on each entity, the details of the entities the graph describes, and
 * whether each reference an edge names is in the catalog. {@link #graph()} gives the graph a whole read of the same
 * catalog gives, edges in the same order (by source, type and target as text).
 *
 * <p>Only the rebuild thread uses one; a change is applied to it in place, so a failure half way must drop it.
 */
public final class CatalogCopy {

    /** Edges by the text of the entity they are written on, in the order the catalog gives the relations. */
    private final TreeMap<String, List<Edge>> written = new TreeMap<>();
    private final Map<EntityRef, Node> described = new HashMap<>();
    /** Whether the catalog has each relation target seen: a change to a target flips it for every edge to it. */
    private final Map<EntityRef, Boolean> inCatalog = new HashMap<>();

    private CatalogCopy() {
    }

    /**
     * @param nodes the entities the graph describes, as read
     * @param relations every relation of the catalog, ordered by source, type and target
     * @return the copy
     */
    static CatalogCopy of(Collection<Node> nodes, List<CatalogRelation> relations) {
        CatalogCopy copy = new CatalogCopy();
        for (Node node : nodes) {
            copy.described.put(node.ref(), node);
        }
        EntityRef lastSource = null;
        List<Edge> edges = null;
        for (CatalogRelation relation : relations) {
            // The relations come by source, one reference object per reference: a source is looked up once per run.
            if (relation.source() != lastSource) {
                lastSource = relation.source();
                edges = copy.written.computeIfAbsent(lastSource.toString(), k -> new ArrayList<>());
            }
            edges.add(CatalogGraph.edge(relation));
            copy.inCatalog.put(relation.target(), relation.targetKnown());
        }
        return copy;
    }

    /**
     * Applies what changed: each listed entity's edges are replaced by the ones written on it now, its details taken
     * again, and whether the catalog has it set for every edge that points at it.
     *
     * @param changes the changes since the version this copy was read at
     */
    public void apply(CatalogChanges changes) {
        for (CatalogChange change : changes.changes()) {
            EntityRef ref = change.ref();
            inCatalog.put(ref, !change.removed());
            Node node = change.entity().filter(entity -> CatalogGraph.KINDS.contains(entity.kind()))
                    .map(CatalogGraph::node).orElse(null);
            if (node == null) {
                described.remove(ref);
            } else {
                described.put(ref, node);
            }
            if (change.relations().isEmpty()) {
                written.remove(ref.toString());
                continue;
            }
            List<Edge> edges = new ArrayList<>(change.relations().size());
            for (CatalogRelation relation : change.relations()) {
                edges.add(CatalogGraph.edge(relation));
                inCatalog.put(relation.target(), relation.targetKnown());
            }
            written.put(ref.toString(), edges);
        }
    }

    /** @return the graph of the catalog as this copy has it */
    public DependencyGraph graph() {
        int count = 0;
        for (List<Edge> edges : written.values()) {
            count += edges.size();
        }
        List<Edge> all = new ArrayList<>(count);
        // As in a whole read: an edge's source is in the catalog (the relation is written on it), its target when the
        // catalog says so. References are mostly shared objects: a set by identity adds each once without comparing.
        Set<EntityRef> known = Collections.newSetFromMap(new IdentityHashMap<>());
        for (List<Edge> edges : written.values()) {
            boolean sourceAdded = false;
            for (Edge edge : edges) {
                all.add(edge);
                boolean api = edge.relation().equals(Relations.PROVIDES_API);
                if (!sourceAdded) {
                    known.add(api ? edge.to() : edge.from());
                    sourceAdded = true;
                }
                EntityRef target = api ? edge.from() : edge.to();
                if (inCatalog.getOrDefault(target, false)) {
                    known.add(target);
                }
            }
        }
        return DependencyGraph.of(described.values(), all, known);
    }
}
