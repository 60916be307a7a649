package dev.vitals.plugins.cost.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer of {@code POST /api/cost/rules/preview}: what a rule would change over [from, to), nothing saved.
 *
 * @param currency the reporting currency
 * @param from the first day
 * @param to the day after the last
 * @param unallocatedBefore the unallocated cost with the rules in force
 * @param unallocatedAfter with the rule tried
 * @param services the services whose cost would change, largest change first
 */
public record RulePreview(String currency, LocalDate from, LocalDate to, String unallocatedBefore,
        String unallocatedAfter, List<PreviewLine> services) {
}
