package dev.vitals.plugins.priorities.initiative;

/**
 * An initiative as a service's Backlog tab lists it: the item, and whether this service is done.
 *
 * @param item the item's id
 * @param title its title
 * @param owner its owner
 * @param done whether this service is done
 * @param doneCount how many of its services are done
 * @param total how many services it has
 */
public record ServiceInitiative(long item, String title, String owner, boolean done, int doneCount, int total) {
}
