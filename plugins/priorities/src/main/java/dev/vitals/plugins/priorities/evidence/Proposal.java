package dev.vitals.plugins.priorities.evidence;

import java.time.Instant;
import java.util.List;

/**
 * A backlog item proposed from evidence: one per (subject, kind) while open.
 *
 * @param id its id
 * @param subject the entity the evidence is about, e.g. {@code component:default/checkout-api}
 * @param kind error-budget, dora-low-band, dependency-cycle, tier-violation or cost-anomaly
 * @param owner the subject's owning team when raised, if the catalog names one
 * @param title the story it proposes
 * @param state open, accepted or dismissed
 * @param evidence the signal behind it
 * @param raisedAt when it was raised
 * @param clearedAt when its signal cleared since, if it did
 * @param decidedBy who accepted or dismissed it
 * @param decidedAt when
 * @param reason why it was dismissed
 * @param item the story accepting it created
 */
public record Proposal(long id, String subject, String kind, String owner, String title, String state,
        Evidence evidence, Instant raisedAt, Instant clearedAt, String decidedBy, Instant decidedAt, String reason,
        Long item) {

    /**
     * A page of proposals.
     *
     * @param proposals the proposals, newest first
     * @param page from 1
     * @param size per page
     * @param total matching
     */
    public record Page(List<Proposal> proposals, int page, int size, long total) {
    }
}
