package dev.vitals.plugins.cost.allocation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Pattern;

/**
 * A shared-cost rule: the rows it matches are split among the services of a team, a system or the organisation.
 *
 * @param name its name, lower case letters, digits and dashes
 * @param match which rows
 * @param split how the cost is spread
 * @param among over which services
 */
public record SharedRule(String name, RuleMatch match, Split split, Among among) {

    /** A rule's name: it is a URL path segment. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    /** @return the rule as the API and the table write it */
    public ObjectNode json() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("name", name);
        node.set("match", match.json());
        node.set("split", split.json());
        node.put("among", among.text());
        return node;
    }

    /**
     * @param name the name, already checked
     * @param body the stored or posted rule; its {@code name} is ignored
     * @return the rule @throws RuleProblem naming the first field at fault
     */
    public static SharedRule parse(String name, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new RuleProblem("match", "the body must be a JSON object with match, split and among");
        }
        RuleMatch match = RuleMatch.parse(body.get("match"), "match");
        Split split = Split.parse(body.get("split"), "split");
        Among among = Among.parse(RuleText.of(body.get("among"), "among"), "among");
        return new SharedRule(name, match, split, among);
    }

    /** @return the name, checked @throws RuleProblem naming {@code name} */
    public static String name(JsonNode node) {
        String name = RuleText.of(node, "name");
        if (!NAME.matcher(name).matches()) {
            throw new RuleProblem("name", "must be 1 to 63 lower case letters, digits and dashes, e.g. platform");
        }
        return name;
    }
}
