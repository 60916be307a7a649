package dev.vitals.plugins.cost.rules;

import java.util.Map;

/**
 * The body of {@code POST /api/cost/rules}, {@code PUT /api/cost/rules/{name}} and the preview, as the API
 * description shows it. The route reads it field by field ({@link RuleInput}), so that {@code split} may also be
 * {@code {"measure": "slo.requests"}} and a number where text belongs is refused naming the field.
 *
 * @param name the rule's name: lower case letters, digits and dashes (PUT: the path's, or left out)
 * @param match exactly one of its members
 * @param split {@code even} (when absent), {@code proportional}, or the object {@code {"measure": "slo.requests"}}
 * @param among {@code team:<key>}, {@code system:<key>} or {@code org}
 */
public record RuleBody(String name, Match match, String split, String among) {

    /**
     * Which rows: one of the three.
     *
     * @param tag one tag key and the value the rows carry, e.g. {@code {"shared": "platform"}}
     * @param serviceName the FOCUS ServiceName of the rows
     * @param account the BillingAccountId or SubAccountId of the rows
     */
    public record Match(Map<String, String> tag, String serviceName, String account) {
    }
}
