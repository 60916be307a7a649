package dev.vitals.plugins.graph.model;

import dev.vitals.api.EntityRef;
import java.time.LocalDate;

/**
 * Calls seen from one entity to another, e.g. by tracing, summed over a window. Kept apart from the declared edges.
 *
 * @param from the caller
 * @param to the entity called
 * @param calls calls in the window
 * @param errors failed calls in the window
 * @param lastDay the last day calls were seen
 */
public record ObservedEdge(EntityRef from, EntityRef to, long calls, long errors, LocalDate lastDay) {
}
