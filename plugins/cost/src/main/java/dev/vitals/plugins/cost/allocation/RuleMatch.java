package dev.vitals.plugins.cost.allocation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;

/**
 * Which rows a shared-cost rule takes: those carrying a tag with a value ({@code {"tag": {"shared": "platform"}}},
 * key and value compared exactly), those of a FOCUS {@code ServiceName} ({@code {"serviceName": "AWS Shield"}}), or
 * those of a billing account or sub-account ({@code {"account": "123456789012"}}).
 *
 * @param kind which column
 * @param key the tag's key; empty text for the other kinds
 * @param value the text the rows carry
 */
public record RuleMatch(Kind kind, String key, String value) {

    /** What a rule matches rows by; the word is what the allocation statement reads. */
    public enum Kind {
        TAG("tag"), SERVICE_NAME("serviceName"), ACCOUNT("account");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    private static final String FORMS = "must have exactly one of tag, serviceName and account, e.g. {\"tag\": "
            + "{\"shared\": \"platform\"}}";

    /** @return the match as the API writes it */
    public JsonNode json() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        switch (kind) {
            case TAG -> node.putObject("tag").put(key, value);
            case SERVICE_NAME -> node.put("serviceName", value);
            case ACCOUNT -> node.put("account", value);
        }
        return node;
    }

    /** @return how the page says it */
    public String words() {
        return switch (kind) {
            case TAG -> "tag " + key + " = " + value;
            case SERVICE_NAME -> "ServiceName " + value;
            case ACCOUNT -> "account " + value;
        };
    }

    /** @return the match @throws RuleProblem naming the field when it is none of the forms */
    public static RuleMatch parse(JsonNode node, String field) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new RuleProblem(field, "is required: " + FORMS.substring("must have ".length()));
        }
        if (node.isObject() && node.isEmpty()) {
            // Name the member most rules use, so that the error points inside the object.
            throw new RuleProblem(field + ".tag", "is required, or serviceName or account instead");
        }
        if (!node.isObject() || node.size() != 1) {
            throw new RuleProblem(field, FORMS);
        }
        if (node.has("tag")) {
            JsonNode tag = node.get("tag");
            if (!tag.isObject() || tag.size() != 1) {
                throw new RuleProblem(field + ".tag", "must be one key and its value, e.g. {\"shared\": \"platform\"}");
            }
            Iterator<String> names = tag.fieldNames();
            String raw = names.next();
            String key = RuleText.checked(raw, field + ".tag");
            return new RuleMatch(Kind.TAG, key, RuleText.of(tag.get(raw), field + ".tag." + key));
        }
        if (node.has("serviceName")) {
            return new RuleMatch(Kind.SERVICE_NAME, "", RuleText.of(node.get("serviceName"), field + ".serviceName"));
        }
        if (node.has("account")) {
            return new RuleMatch(Kind.ACCOUNT, "", RuleText.of(node.get("account"), field + ".account"));
        }
        throw new RuleProblem(field, FORMS);
    }
}
