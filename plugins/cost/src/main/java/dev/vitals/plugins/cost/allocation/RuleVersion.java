package dev.vitals.plugins.cost.allocation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One saved version of a shared-cost rule.
 *
 * @param id its order among all versions
 * @param name the rule's name
 * @param from the first day it allocates
 * @param rule the rule; empty when this version deleted it
 * @param setBy who saved it
 * @param setAt when
 */
public record RuleVersion(long id, String name, LocalDate from, Optional<SharedRule> rule, String setBy,
        Instant setAt) {
}
