package dev.vitals.plugins.priorities.plan;

import java.util.List;

/**
 * One team in the plan view.
 *
 * @param capacity its work against its targets
 * @param reliabilityFirst its services whose error budget is spent: their feature work is behind reliability work
 *     until the budget recovers
 */
public record TeamPlan(Capacity capacity, List<String> reliabilityFirst) {

    /**
     * @param quarter the quarter
     * @param teams every team, the teams off target first
     * @param offTarget how many are off target
     */
    public record View(String quarter, List<TeamPlan> teams, int offTarget) {
    }
}
