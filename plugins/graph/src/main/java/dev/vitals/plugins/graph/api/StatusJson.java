package dev.vitals.plugins.graph.api;

import java.util.List;

/**
 * The graph readers are answered from.
 *
 * @param catalogVersion the catalog version it was built from
 * @param fresh false while a newer catalog is being read
 * @param builtAt when it was built, ISO-8601
 * @param nodes how many nodes it has
 * @param edges how many declared edges
 * @param observedEdges how many observed edges of the last 30 days
 * @param missing the references something points at that the catalog does not have
 */
public record StatusJson(long catalogVersion, boolean fresh, String builtAt, int nodes, int edges,
        int observedEdges, List<String> missing) {
}
