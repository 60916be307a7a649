package dev.vitals.plugins.graph.api;

import java.util.List;

/**
 * The dependency cycles.
 *
 * @param cycles biggest first
 */
public record CyclesJson(List<Cycle> cycles) {

    /** @param refs the nodes of one strongly connected component, sorted */
    public record Cycle(List<String> refs) {
    }
}
