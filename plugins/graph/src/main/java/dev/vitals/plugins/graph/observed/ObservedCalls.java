package dev.vitals.plugins.graph.observed;

import dev.vitals.api.EntityRef;
import java.time.LocalDate;

/**
 * One day's calls between two entities, checked.
 *
 * @param from the caller
 * @param to the entity called
 * @param calls calls that day
 * @param errors failed calls that day
 * @param day the day
 */
public record ObservedCalls(EntityRef from, EntityRef to, long calls, long errors, LocalDate day) {
}
