package dev.vitals.plugins.graph.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.CatalogRelation;
import dev.vitals.api.CatalogView;
import dev.vitals.core.Vitals;
import dev.vitals.core.audit.Actor;
import dev.vitals.core.catalog.DemoCatalog;
import dev.vitals.core.catalog.PluginCatalogView;
import dev.vitals.core.pluginhost.PluginSource;
import dev.vitals.core.testing.Samples;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.core.testing.TestPostgres;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Real catalogs, imported into PostgreSQL and read through the plugin API's catalog view: every relation the view
 * gives is an edge of the graph, and every dangling target is a node marked missing.
 */
class CatalogGraphTest {

    private static DependencyGraph load(Consumer<Vitals> importer, List<CatalogRelation> relationsOut) {
        try (Vitals portal = TestPortal.start(TestPostgres.freshDatabase(), PluginSource.none())) {
            importer.accept(portal);
            CatalogView view = new PluginCatalogView(portal.database().jdbi());
            relationsOut.addAll(view.relations());
            return new CatalogGraph(view).build();
        }
    }

    /** Edges as a multiset, so that a dropped repeat shows. */
    private static Map<Edge, Integer> count(List<Edge> edges) {
        Map<Edge, Integer> counts = new HashMap<>();
        edges.forEach(edge -> counts.merge(edge, 1, Integer::sum));
        return counts;
    }

    private static void assertEveryRelationAccountedFor(DependencyGraph graph, List<CatalogRelation> relations) {
        assertEquals(count(relations.stream().map(CatalogGraph::edge).toList()), count(graph.edges()));
        List<String> dangling = relations.stream().filter(r -> !r.targetKnown()).map(r -> r.target().toString())
                .distinct().sorted().toList();
        assertEquals(dangling, graph.missing().stream().map(n -> n.ref().toString()).toList());
        for (CatalogRelation relation : relations) {
            assertFalse(graph.node(graph.indexOf(relation.source()).orElseThrow()).missing(), relation.toString());
        }
    }

    @Test
    void theBackstageSamplesLoadWithEveryRelationAnEdgeAndApisPointingAtTheirProviders() {
        List<CatalogRelation> relations = new ArrayList<>();
        DependencyGraph graph = load(portal -> portal.catalogSources().importLocation(
                Samples.path("backstage").toString(), new Actor("ada", Optional.empty()), line -> { }), relations);

        assertTrue(relations.size() > 50, "the samples have many relations: " + relations.size());
        assertEveryRelationAccountedFor(graph, relations);
        assertTrue(graph.edges().stream().anyMatch(e -> e.relation().equals(Relations.PROVIDES_API)
                && e.from().kind().equals("api") && e.to().kind().equals("component")));
    }

    @Test
    void theDemoOrganisationLoadsWithEveryRelationAnEdge() {
        List<CatalogRelation> relations = new ArrayList<>();
        DependencyGraph graph = load(portal -> DemoCatalog.seed(portal.catalogSources()), relations);

        assertTrue(relations.size() > 50, "the demo has many relations: " + relations.size());
        assertEveryRelationAccountedFor(graph, relations);
        assertTrue(graph.nodes().stream().anyMatch(n -> n.owner().isPresent() && n.isService()));
    }
}
