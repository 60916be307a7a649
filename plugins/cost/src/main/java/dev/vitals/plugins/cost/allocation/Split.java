package dev.vitals.plugins.cost.allocation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a cost is spread over services: {@code "even"}, {@code "proportional"} to each service's own direct cost that
 * day, or {@code {"measure": "slo.requests"}} in proportion to a published measure of each service that day. When
 * the base of a proportional split is zero for every service that day, the cost is spread evenly.
 *
 * @param kind which of the three
 * @param measure the measure's name, for {@link Kind#MEASURE} only
 */
public record Split(Kind kind, Optional<String> measure) {

    /** The three ways. */
    public enum Kind { EVEN, PROPORTIONAL, MEASURE }

    /** Each service the same. */
    public static final Split EVEN = new Split(Kind.EVEN, Optional.empty());
    /** In proportion to each service's own direct cost (by tag or ResourceId prefix) that day. */
    public static final Split PROPORTIONAL = new Split(Kind.PROPORTIONAL, Optional.empty());

    /** A measure's name as the plugin API has them: {@code plugin.what}. */
    private static final Pattern MEASURE = Pattern.compile("[a-z][a-z0-9_-]*\\.[a-z0-9_.-]+");
    private static final String FORMS = "must be \"even\", \"proportional\" or {\"measure\": \"slo.requests\"}";

    /** @return a split in proportion to the measure, e.g. {@code slo.requests} */
    public static Split byMeasure(String name) {
        return new Split(Kind.MEASURE, Optional.of(name));
    }

    /** @return the split as the API writes it */
    public JsonNode json() {
        return switch (kind) {
            case EVEN -> JsonNodeFactory.instance.textNode("even");
            case PROPORTIONAL -> JsonNodeFactory.instance.textNode("proportional");
            case MEASURE -> JsonNodeFactory.instance.objectNode().put("measure", measure.orElseThrow());
        };
    }

    /** @return how the page says it */
    public String words() {
        return switch (kind) {
            case EVEN -> "evenly";
            case PROPORTIONAL -> "in proportion to direct cost";
            case MEASURE -> "in proportion to " + measure.orElseThrow();
        };
    }

    /**
     * @param node the JSON value; absent means even
     * @param field the field's name for the error
     * @return the split @throws RuleProblem naming the field when it is none of the forms
     */
    public static Split parse(JsonNode node, String field) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return EVEN;
        }
        if (node.isTextual()) {
            return switch (node.asText()) {
                case "even" -> EVEN;
                case "proportional" -> PROPORTIONAL;
                default -> throw new RuleProblem(field, FORMS);
            };
        }
        if (node.isObject() && node.size() == 1 && node.has("measure")) {
            String name = RuleText.of(node.get("measure"), field + ".measure");
            if (!MEASURE.matcher(name).matches()) {
                throw new RuleProblem(field + ".measure", "must name a measure such as slo.requests");
            }
            return byMeasure(name);
        }
        throw new RuleProblem(field, FORMS);
    }

    /** @return the split a form's word gives: even, proportional or a measure's name */
    public static Split ofWord(String word, String field) {
        return switch (word) {
            case "even", "" -> EVEN;
            case "proportional" -> PROPORTIONAL;
            default -> parse(JsonNodeFactory.instance.objectNode().put("measure", word), field);
        };
    }
}
