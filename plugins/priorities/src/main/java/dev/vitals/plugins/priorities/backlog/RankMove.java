package dev.vitals.plugins.priorities.backlog;

/**
 * The body of {@code POST /api/priorities/items/{id}/rank}: where the item goes, one of {@code before},
 * {@code after} or {@code position}, and why.
 *
 * @param before the id of the item it goes just above
 * @param after the id of the item it goes just below
 * @param position its new place, from 1 (the top); past the end is the bottom
 * @param list {@code owner} (the stack rank of its level and owner, when absent) or {@code org} (the organisation's
 *     top priorities, themes only, admins only)
 * @param reason why, required: the decision log keeps it
 */
public record RankMove(Long before, Long after, Integer position, String list, String reason) {
}
