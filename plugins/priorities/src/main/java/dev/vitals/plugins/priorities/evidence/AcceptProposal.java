package dev.vitals.plugins.priorities.evidence;

import java.math.BigDecimal;

/**
 * The body of {@code POST /api/priorities/proposals/{id}/accept}: the story it becomes.
 *
 * @param parent the id of the feature the story goes under
 * @param title the story's title; the proposal's when absent
 * @param quarter its target quarter, e.g. {@code 2027-Q1}
 * @param estimateWeeks its estimate in person-weeks
 */
public record AcceptProposal(Long parent, String title, String quarter, BigDecimal estimateWeeks) {
}
