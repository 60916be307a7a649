package dev.vitals.plugins.graph.model;

import dev.vitals.api.EntityRef;
import java.util.Optional;

/**
 * One declared edge of the graph, with its relation. {@code providesApi} runs from the API to its provider, so that
 * a consumer reaches the provider through the API; every other relation runs as the catalog writes it.
 *
 * @param from where the edge starts
 * @param to where it points
 * @param relation {@code dependsOn}, {@code consumesApi}, {@code providesApi}, {@code partOf}, {@code ownedBy},
 *     {@code stakeholder} and the catalog's other relation types
 * @param role the stakeholder's role on {@code stakeholder} edges
 */
public record Edge(EntityRef from, EntityRef to, String relation, Optional<String> role) {

    /** The relations a dependency travels along. */
    public boolean isDependency() {
        return Relations.isDependency(relation);
    }
}
