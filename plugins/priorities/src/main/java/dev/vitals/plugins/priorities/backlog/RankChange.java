package dev.vitals.plugins.priorities.backlog;

/**
 * The answer to a rank move.
 *
 * @param item the item after the move
 * @param from its place before, from 1
 * @param to its place after
 */
public record RankChange(Item item, int from, int to) {
}
