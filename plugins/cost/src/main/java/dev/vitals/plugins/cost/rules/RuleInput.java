package dev.vitals.plugins.cost.rules;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/cost/rules}, {@code PUT /api/cost/rules/{name}} and the preview. The fields are read
 * as JSON values, so that a number where text belongs is refused rather than turned into text.
 *
 * @param name the rule's name (PUT: the path's, or the same)
 * @param match {@code {"tag": {"shared": "platform"}}}, {@code {"serviceName": "…"}} or {@code {"account": "…"}}
 * @param split {@code "even"} (when absent), {@code "proportional"} or {@code {"measure": "slo.requests"}}
 * @param among {@code team:<key>}, {@code system:<key>} or {@code org}
 */
public record RuleInput(JsonNode name, JsonNode match, JsonNode split, JsonNode among) {
}
