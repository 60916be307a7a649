package dev.vitals.plugins.priorities.evidence;

/**
 * The body of {@code POST /api/priorities/proposals/{id}/dismiss}.
 *
 * @param reason why, required
 */
public record DismissProposal(String reason) {
}
