package dev.vitals.plugins.priorities.plan;

import java.math.BigDecimal;

/**
 * How a team's estimated work in a quarter splits, against its targets. Shares are of the estimated person-weeks of
 * the team's items in the quarter that are not dropped; an item whose children carry estimates counts through them.
 *
 * @param team the team, e.g. {@code group:default/payments}
 * @param quarter e.g. {@code 2027-Q1}
 * @param estimateWeeks the person-weeks counted
 * @param immediate the share of immediate work, 0 to 1, to 4 places
 * @param future the share of future work
 * @param foundation the share of foundation work
 * @param innovation the share of innovation work
 * @param targets the team's targets
 * @param onTarget true when the immediate share is within the tolerance of its target and foundation is at least
 *     its target; false with nothing estimated
 */
public record Capacity(String team, String quarter, BigDecimal estimateWeeks, BigDecimal immediate,
        BigDecimal future, BigDecimal foundation, BigDecimal innovation, Targets targets, boolean onTarget) {
}
