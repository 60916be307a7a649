package dev.vitals.plugins.priorities.pages;

import dev.vitals.plugins.priorities.backlog.Item;
import dev.vitals.plugins.priorities.evidence.Proposal;
import java.util.List;

/**
 * A proposal as the inbox shows it.
 *
 * @param proposal the proposal
 * @param subjectUrl the subject's page
 * @param mayDecide whether the caller may accept or dismiss it
 * @param features the features its story may go under: its owner's
 */
public record InboxRow(Proposal proposal, String subjectUrl, boolean mayDecide, List<Item> features) {
}
