package dev.vitals.plugins.graph.answers;

import dev.vitals.plugins.graph.model.DependencyGraph;
import dev.vitals.plugins.graph.model.Direction;
import dev.vitals.plugins.graph.model.Edge;
import dev.vitals.plugins.graph.model.Node;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.GraphExporter;
import org.jgrapht.nio.dot.DOTExporter;
import org.jgrapht.nio.graphml.GraphMLExporter;

/**
 * The graph, or the neighbourhood of one node, as DOT or GraphML, written by JGraphT's exporters. Every edge is
 * written, repeated and looping ones included, each with its relation; every node with its reference, kind and
 * whether it is missing. Nodes are identified as {@code n<number>} with the reference as their label, because neither
 * a DOT identifier nor a GraphML one may hold the reference's {@code /}.
 */
public final class GraphExport {

    /** The formats the export writes. */
    public enum Format {
        /** Graphviz DOT. */
        DOT("text/vnd.graphviz"),
        /** GraphML, XML. */
        GRAPHML("application/graphml+xml");

        private final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }

        /** @return the media type of the written graph */
        public String mediaType() {
            return mediaType;
        }
    }

    private GraphExport() {
    }

    /**
     * @param graph the graph
     * @param format the format
     * @param focus the node whose neighbourhood to write; empty for the whole graph
     * @param depth how many dependency edges away from the focus, either way; empty for no limit
     * @return the written graph
     */
    public static String write(DependencyGraph graph, Format format, OptionalInt focus, OptionalInt depth) {
        boolean[] included = new boolean[graph.size()];
        if (focus.isPresent()) {
            included[focus.getAsInt()] = true;
            for (Direction direction : Direction.values()) {
                for (int node : Reach.walk(graph, focus.getAsInt(), direction, depth).reached()) {
                    included[node] = true;
                }
            }
        } else {
            java.util.Arrays.fill(included, true);
        }
        Graph<Integer, Integer> written = new DirectedPseudograph<>(null, null, false);
        for (int i = 0; i < graph.size(); i++) {
            if (included[i]) {
                written.addVertex(i);
            }
        }
        List<Edge> edges = graph.edges();
        for (int e = 0; e < edges.size(); e++) {
            int from = graph.indexOf(edges.get(e).from()).orElseThrow();
            int to = graph.indexOf(edges.get(e).to()).orElseThrow();
            if (included[from] && included[to]) {
                written.addEdge(from, to, e);
            }
        }
        StringWriter out = new StringWriter();
        exporter(graph, format).exportGraph(written, out);
        return out.toString();
    }

    private static GraphExporter<Integer, Integer> exporter(DependencyGraph graph, Format format) {
        Function<Integer, Map<String, Attribute>> nodeAttributes = i -> {
            Node node = graph.node(i);
            Map<String, Attribute> attributes = new LinkedHashMap<>();
            attributes.put("label", DefaultAttribute.createAttribute(node.ref().toString()));
            attributes.put("kind", DefaultAttribute.createAttribute(node.ref().kind()));
            attributes.put("missing", DefaultAttribute.createAttribute(node.missing()));
            node.owner().ifPresent(o -> attributes.put("owner", DefaultAttribute.createAttribute(o.toString())));
            return attributes;
        };
        Function<Integer, Map<String, Attribute>> edgeAttributes = e -> {
            Edge edge = graph.edges().get(e);
            Map<String, Attribute> attributes = new LinkedHashMap<>();
            attributes.put("relation", DefaultAttribute.createAttribute(edge.relation()));
            edge.role().ifPresent(r -> attributes.put("role", DefaultAttribute.createAttribute(r)));
            return attributes;
        };
        return switch (format) {
            case DOT -> {
                DOTExporter<Integer, Integer> dot = new DOTExporter<>(i -> "n" + i);
                dot.setVertexAttributeProvider(nodeAttributes);
                dot.setEdgeAttributeProvider(edgeAttributes);
                yield dot;
            }
            case GRAPHML -> {
                GraphMLExporter<Integer, Integer> graphml = new GraphMLExporter<>(i -> "n" + i);
                graphml.setEdgeIdProvider(e -> "e" + e);
                graphml.registerAttribute("label", GraphMLExporter.AttributeCategory.NODE, AttributeType.STRING);
                graphml.registerAttribute("kind", GraphMLExporter.AttributeCategory.NODE, AttributeType.STRING);
                graphml.registerAttribute("missing", GraphMLExporter.AttributeCategory.NODE, AttributeType.BOOLEAN);
                graphml.registerAttribute("owner", GraphMLExporter.AttributeCategory.NODE, AttributeType.STRING);
                graphml.registerAttribute("relation", GraphMLExporter.AttributeCategory.EDGE, AttributeType.STRING);
                graphml.registerAttribute("role", GraphMLExporter.AttributeCategory.EDGE, AttributeType.STRING);
                graphml.setVertexAttributeProvider(nodeAttributes);
                graphml.setEdgeAttributeProvider(edgeAttributes);
                yield graphml;
            }
        };
    }
}
