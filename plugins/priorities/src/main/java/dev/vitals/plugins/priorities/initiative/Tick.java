package dev.vitals.plugins.priorities.initiative;

/**
 * The body that ticks one service of a checklist.
 *
 * @param done true when the service is done, false to untick it
 */
public record Tick(Boolean done) {
}
