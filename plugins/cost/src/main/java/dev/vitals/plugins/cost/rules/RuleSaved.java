package dev.vitals.plugins.cost.rules;

import dev.vitals.plugins.cost.allocation.Reallocation;
import java.util.Optional;

/**
 * The answer to saving or deleting a rule.
 *
 * @param rule the rule as saved; empty after a delete
 * @param reallocation the days allocated again with it, when any stored charge lies in them
 */
public record RuleSaved(Optional<RuleView> rule, Optional<Reallocation> reallocation) {
}
