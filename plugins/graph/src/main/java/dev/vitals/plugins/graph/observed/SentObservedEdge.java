package dev.vitals.plugins.graph.observed;

/**
 * One observed edge as a tracing system sends it; checked by {@link ObservedBatch}.
 *
 * @param from the caller, {@code [kind:][namespace/]name}, a component when no kind is given
 * @param to the entity called, same form
 * @param calls calls that day, 0 or more
 * @param errors failed calls that day, from 0 to {@code calls}
 * @param day the day, ISO-8601, e.g. {@code 2026-12-05}
 */
public record SentObservedEdge(String from, String to, Long calls, Long errors, String day) {
}
