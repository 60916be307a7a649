package dev.vitals.plugins.cost.rules;

import dev.vitals.plugins.cost.allocation.Reallocation;
import java.util.Optional;

/**
 * The answer to setting a ResourceId prefix or a sub-account rule.
 *
 * @param reallocation every stored day, allocated again with it; empty when no charge is stored
 */
public record DirectRuleSaved(Optional<Reallocation> reallocation) {
}
