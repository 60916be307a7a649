package dev.vitals.plugins.cost.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitals.plugins.cost.allocation.RuleVersion;
import dev.vitals.plugins.cost.allocation.SharedRule;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A shared-cost rule in force.
 *
 * @param name its name
 * @param match which rows
 * @param split how their cost is spread
 * @param among over which services
 * @param effectiveFrom the first day this version allocates; days before keep what the earlier version gave them
 * @param setBy who saved this version
 * @param setAt when
 */
public record RuleView(String name, JsonNode match, JsonNode split, String among, LocalDate effectiveFrom,
        String setBy, Instant setAt) {

    static RuleView of(RuleVersion version) {
        SharedRule rule = version.rule().orElseThrow();
        return new RuleView(rule.name(), rule.match().json(), rule.split().json(), rule.among().text(),
                version.from(), version.setBy(), version.setAt());
    }
}
