package dev.vitals.plugins.cost.allocation;

import com.fasterxml.jackson.databind.JsonNode;

/** Text fields of rules: present, short, and free of control characters and broken UTF-16. */
public final class RuleText {

    /** Longer than any tag, account or resource prefix real exports write. */
    public static final int LONGEST = 512;

    private RuleText() {
    }

    /** @return the field's text, trimmed @throws RuleProblem naming the field when it is no acceptable text */
    public static String of(JsonNode node, String field) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new RuleProblem(field, "is required");
        }
        if (!node.isTextual()) {
            throw new RuleProblem(field, "must be text");
        }
        return checked(node.asText(), field);
    }

    /** @return the text, trimmed @throws RuleProblem naming the field when it is blank, long or not clean */
    public static String checked(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new RuleProblem(field, "is required");
        }
        String value = text.strip();
        if (value.length() > LONGEST) {
            throw new RuleProblem(field, "must be at most " + LONGEST + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (Character.isISOControl(ch)) {
                throw new RuleProblem(field, "must not hold control characters");
            }
            if (Character.isHighSurrogate(ch) && (i + 1 >= value.length()
                    || !Character.isLowSurrogate(value.charAt(i + 1)))
                    || Character.isLowSurrogate(ch) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)))) {
                throw new RuleProblem(field, "is not valid Unicode text");
            }
        }
        return value;
    }
}
