package dev.vitals.plugins.cost.rules;

import dev.vitals.plugins.cost.allocation.Reallocation;
import java.util.List;

/**
 * The answer of {@code GET /api/cost/rules}.
 *
 * @param rules the shared-cost rules in force, by name; when several match a row, the one created first takes it
 * @param reallocations the last 100 re-allocations, newest first
 */
public record RuleList(List<RuleView> rules, List<Reallocation> reallocations) {
}
