package dev.vitals.plugins.priorities.backlog;

import java.time.Instant;

/**
 * One entry of the decision log: a rank or a status changed, by whom, when, from what to what, and why.
 *
 * @param id the entry's id
 * @param item the item's id
 * @param title the item's title
 * @param level the item's level
 * @param owner the item's owner
 * @param kind {@code rank} (its stack rank), {@code org-rank} (the organisation's top priorities) or {@code status}
 * @param from the place or status before; null for none
 * @param to the place or status after
 * @param reason why, in the decider's words
 * @param decidedBy who
 * @param decidedAt when
 */
public record Decision(long id, long item, String title, String level, String owner, String kind, String from,
        String to, String reason, String decidedBy, Instant decidedAt) {
}
