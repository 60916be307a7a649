package dev.vitals.plugins.graph.api;

import java.util.List;

/**
 * A shortest dependency path.
 *
 * @param from the node that depends
 * @param to the node it depends on
 * @param refs the nodes along the path, both ends included, APIs too
 * @param hops the number of edges
 */
public record PathJson(String from, String to, List<String> refs, int hops) {
}
