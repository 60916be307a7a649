package dev.vitals.plugins.cost.rules;

/**
 * One service's cost over the preview's period, as it is and as it would be, exact decimal strings.
 *
 * @param service the service's key; empty text for the unallocated line
 * @param before with the rules in force
 * @param after with the rule tried
 * @param change after minus before
 */
public record PreviewLine(String service, String before, String after, String change) {
}
