package dev.vitals.plugins.graph.answers;

import static dev.vitals.plugins.graph.answers.Graphs.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.plugins.graph.model.DependencyGraph;
import dev.vitals.plugins.graph.model.Edge;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.BaseEventDrivenImporter;
import org.jgrapht.nio.GraphImporter;
import org.jgrapht.nio.dot.DOTImporter;
import org.jgrapht.nio.graphml.GraphMLImporter;
import org.jgrapht.util.SupplierUtil;
import org.junit.jupiter.api.Test;

class GraphExportTest {

    /** Reads a written graph back with JGraphT's importers: each edge as "from relation to", sorted. */
    private static List<String> importedEdges(GraphExport.Format format, String written) {
        Graph<String, String> graph = new DirectedPseudograph<>(SupplierUtil.createStringSupplier(),
                SupplierUtil.createStringSupplier(), false);
        Map<String, String> labels = new HashMap<>();
        Map<String, String> relations = new HashMap<>();
        GraphImporter<String, String> importer = format == GraphExport.Format.DOT
                ? listening(new DOTImporter<>(), labels, relations)
                : listening(new GraphMLImporter<>(), labels, relations);
        importer.importGraph(graph, new StringReader(written));
        List<String> edges = new ArrayList<>();
        for (String edge : graph.edgeSet()) {
            edges.add(labels.get(graph.getEdgeSource(edge)) + " " + relations.get(edge) + " "
                    + labels.get(graph.getEdgeTarget(edge)));
        }
        edges.sort(null);
        return edges;
    }

    /** Keeps each node's label and each edge's relation as the importer reads them. */
    private static <T extends BaseEventDrivenImporter<String, String> & GraphImporter<String, String>> T listening(
            T importer, Map<String, String> labels, Map<String, String> relations) {
        importer.addVertexAttributeConsumer((p, a) -> {
            if (p.getSecond().equals("label")) {
                labels.put(p.getFirst(), a.getValue());
            }
        });
        importer.addEdgeAttributeConsumer((p, a) -> {
            if (p.getSecond().equals("relation")) {
                relations.put(p.getFirst(), a.getValue());
            }
        });
        return importer;
    }

    private static List<String> edges(DependencyGraph graph) {
        List<String> edges = new ArrayList<>();
        for (Edge edge : graph.edges()) {
            edges.add(edge.from() + " " + edge.relation() + " " + edge.to());
        }
        edges.sort(null);
        return edges;
    }

    @Test
    void theExportedEdgesOfRandomGraphsAreExactlyTheGraphsEdgesInBothFormats() {
        Random random = new Random(11);
        for (int round = 0; round < 40; round++) {
            DependencyGraph graph = RandomGraphs.anyRelations(random, 1 + random.nextInt(25), random.nextInt(90));
            for (GraphExport.Format format : GraphExport.Format.values()) {
                String written = GraphExport.write(graph, format, OptionalInt.empty(), OptionalInt.empty());

                assertEquals(edges(graph), importedEdges(format, written), format + " round " + round);
            }
        }
    }

    @Test
    void aFocusWithADepthExportsTheNeighbourhoodBothWaysAndTheEdgesBetweenIt() {
        DependencyGraph graph = Graphs.of().node("a").node("b").node("c").node("d").node("far")
                .dependsOn("a", "b").dependsOn("b", "c").dependsOn("d", "b").dependsOn("c", "far")
                .edge("a", "partOf", "b").build();

        String written = GraphExport.write(graph, GraphExport.Format.GRAPHML, OptionalInt.of(at(graph, "b")),
                OptionalInt.of(1));

        assertEquals(List.of(
                "component:default/a dependsOn component:default/b",
                "component:default/a partOf component:default/b",
                "component:default/b dependsOn component:default/c",
                "component:default/d dependsOn component:default/b"), importedEdges(GraphExport.Format.GRAPHML,
                written));
        assertTrue(!written.contains("far"));
    }
}
