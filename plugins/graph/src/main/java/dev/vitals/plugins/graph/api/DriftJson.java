package dev.vitals.plugins.graph.api;

import dev.vitals.plugins.graph.answers.Drift;
import java.util.List;

/**
 * The drift report over the last 30 days.
 *
 * @param declaredNeverObserved declared dependsOn and consumesApi edges no calls were seen along
 * @param observedNeverDeclared observed calls no declaration explains
 */
public record DriftJson(List<Drift.DeclaredEdge> declaredNeverObserved, List<Observed> observedNeverDeclared) {

    /**
     * @param from the caller
     * @param to the entity called
     * @param calls calls in the window
     * @param errors failed calls in the window
     * @param lastDay the last day calls were seen
     */
    public record Observed(String from, String to, long calls, long errors, String lastDay) {
    }
}
