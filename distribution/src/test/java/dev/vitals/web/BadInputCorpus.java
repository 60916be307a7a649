package dev.vitals.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Bad requests made from good ones: every field of a route's valid example is removed, nulled, given another type,
 * a number too big for any column, a NaN, a NUL character, half a surrogate pair, a string too long to mean anything,
 * a date no calendar has; and every body as a whole is emptied, truncated, doubled, nested ten thousand deep, sent as
 * something that is not JSON, or as JSON under another name.
 */
final class BadInputCorpus {

    /** The largest request body the portal reads, VITALS_MAX_REQUEST_BYTES's default. */
    static final int MAX_REQUEST_BYTES = 10 * 1024 * 1024;
    static final String JSON = "application/json";
    static final String FORM = "application/x-www-form-urlencoded";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String MARK = "@@bad-input@@";
    /** In a JSON example's optional fields: the route takes one object or an array of them. */
    static final String ONE_OR_MANY = "(one or many)";

    /**
     * What a case may answer.
     * REFUSED: a 4xx (problem+json for the API, naming the field the case spoiled), and nothing stored.
     * HARMLESS: anything but a 5xx; a 4xx from the API is still a problem document. For inputs that can be fine
     * (an emoji in free text, a field that is optional) or that a route may take on purpose.
     * REFUSED_BY_JETTY: a path Jetty will not decode (an encoded NUL, bytes that are not UTF-8) gets Jetty's bare 400
     * before the portal sees the request; a 4xx, and nothing stored, is all that can be asked.
     */
    enum Expect { REFUSED, HARMLESS, REFUSED_BY_JETTY }

    /**
     * One request of the corpus.
     *
     * @param route the route table's name of the route, e.g. {@code POST /api/slo/slos}
     * @param label what is wrong with it, for the failure report
     * @param field the field it spoils, when there is one; the problem must name it
     */
    record Case(String route, String label, String method, String path, Optional<String> contentType, byte[] body,
            Optional<String> field, Expect expect) {

        Case withExpect(Expect other) {
            return new Case(route, label, method, path, contentType, body, field, other);
        }
    }

    /**
     * A JSON route's valid example.
     *
     * @param optional fields that may be left out or null: removing them is harmless
     */
    record JsonExample(String route, String path, String body, Set<String> optional, int depth) {

        JsonExample(String route, String path, String body, Set<String> optional) {
            this(route, path, body, optional, Integer.MAX_VALUE);
        }
    }

    /** A form route's valid example; the form token is added to every case that does not test its absence. */
    record FormExample(String route, String path, Map<String, String> fields) {
    }

    private BadInputCorpus() {
    }

    // ---------------------------------------------------------------- JSON

    static List<Case> json(JsonExample example, Expect fieldExpect) {
        JsonNode base = read(example.body());
        List<Case> cases = new ArrayList<>();
        String method = example.route().substring(0, example.route().indexOf(' '));
        for (String field : fields(base, "")) {
            if (field.split("[.\\[]").length > example.depth()) {
                continue;
            }
            boolean optional = example.optional().contains(field);
            Expect absent = optional ? Expect.HARMLESS : fieldExpect;
            JsonNode value = at(base, field);
            cases.add(jsonCase(example, method, field, "without " + field, removed(base, field), absent));
            cases.add(jsonCase(example, method, field, field + " null", replaced(base, field, "null"), absent));
            for (Map.Entry<String, String> raw : spoilers(value).entrySet()) {
                cases.add(jsonCase(example, method, field, field + " = " + abbreviate(raw.getKey()),
                        replaced(base, field, raw.getValue()), fieldExpect));
            }
            for (Map.Entry<String, String> raw : maybeFine(value).entrySet()) {
                cases.add(jsonCase(example, method, field, field + " = " + raw.getKey(),
                        replaced(base, field, raw.getValue()), Expect.HARMLESS));
            }
        }
        cases.addAll(wholeJsonBody(example, method, base));
        return cases;
    }

    /** Values no field of any route should take. */
    private static Map<String, String> spoilers(JsonNode value) {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("{}", "{}");
        raw.put("[[[]]]", "[[[]]]");
        if (value.isTextual()) {
            raw.put("42", "42");
            raw.put("true", "true");
            raw.put("2.5", "2.5");
            raw.put("NUL inside", quoted(value.asText(), "\\u0000"));
            raw.put("NUL alone", "\"\\u0000\"");
            raw.put("lone high surrogate", quoted(value.asText(), "\\ud800"));
            raw.put("lone low surrogate", "\"\\udc00" + escape(value.asText()) + "\"");
            raw.put("100000 characters", "\"" + "x".repeat(100_000) + "\"");
            raw.put("raw control character", "\"" + escape(value.asText()) + "\u0001\"");
            if (value.asText().matches("\\d{4}-\\d\\d-\\d\\d.*")) {
                raw.put("a date past year 9999", "\"+999999999-12-31T23:59:59Z\"");
                raw.put("a date before year 1", "\"-999999999-01-01T00:00:00Z\"");
                raw.put("a date no calendar has", "\"2026-13-45T25:61:00Z\"");
            }
        } else if (value.isNumber()) {
            raw.put("\"12\"", "\"12\"");
            raw.put("true", "true");
            raw.put("\"x\"", "\"x\"");
            raw.put("1e400", "1e400");
            raw.put("-1e400", "-1e400");
            raw.put("400 digits", "9".repeat(400));
            raw.put("1500 digits", "9".repeat(1500));
            raw.put("NaN", "NaN");
            raw.put("Infinity", "Infinity");
            raw.put("-Infinity", "-Infinity");
            raw.put("0x10", "0x10");
            raw.put("+1", "+1");
            raw.put("01", "01");
        } else if (value.isBoolean()) {
            raw.put("\"true\"", "\"true\"");
            raw.put("1", "1");
            raw.put("\"yes\"", "\"yes\"");
        } else if (value.isObject()) {
            raw.put("\"x\"", "\"x\"");
            raw.put("42", "42");
            raw.put("[]", "[]");
        } else if (value.isArray()) {
            raw.put("\"x\"", "\"x\"");
            raw.put("42", "42");
            raw.put("[null]", "[null]");
            raw.put("[42]", "[42]");
        }
        return raw;
    }

    /** Values that may be right for some fields: the answer may be a success, never a failure of the portal. */
    private static Map<String, String> maybeFine(JsonNode value) {
        Map<String, String> raw = new LinkedHashMap<>();
        if (value.isTextual()) {
            raw.put("emoji", quoted(value.asText(), "\uD83D\uDE00\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"));
            raw.put("right-to-left", quoted(value.asText(), "\u202E\u05E9\u05DC\u05D5\u05DD"));
            raw.put("empty", "\"\"");
            raw.put("blank", "\"   \"");
            if (value.asText().matches("\\d{4}-\\d\\d-\\d\\d.*")) {
                // Odd, but times PostgreSQL stores: a route may take them.
                raw.put("a date in year 0", "\"0000-01-01T00:00:00Z\"");
                raw.put("a date in year 99999", "\"+99999-01-01T00:00:00Z\"");
            }
        } else if (value.isNumber()) {
            raw.put("-0", "-0");
            raw.put("0", "0");
            raw.put("-1", "-1");
            raw.put("2.5", "2.5");
            // Too large for a long, fine for a double: the whole-number fields must refuse them, others may not.
            raw.put("2^63", "9223372036854775808");
            raw.put("-2^63-1", "-9223372036854775809");
        } else if (value.isArray()) {
            raw.put("[]", "[]");
        }
        return raw;
    }

    private static List<Case> wholeJsonBody(JsonExample example, String method, JsonNode base) {
        String text = base.toString();
        List<Case> cases = new ArrayList<>();
        java.util.function.BiConsumer<String, String> refused = (label, body) -> cases.add(new Case(example.route(),
                label, method, example.path(), Optional.of(JSON), utf8(body), Optional.empty(), Expect.REFUSED));
        refused.accept("empty body", "");
        refused.accept("whitespace body", "  \n ");
        refused.accept("null body", "null");
        refused.accept("42 body", "42");
        refused.accept("string body", "\"hello\"");
        refused.accept("true body", "true");
        cases.add(new Case(example.route(), base.isArray() ? "object where an array belongs"
                : "array where an object belongs", method, example.path(), Optional.of(JSON),
                utf8(base.isArray() ? base.get(0).toString() : "[" + text + "]"), Optional.empty(),
                example.optional().contains(ONE_OR_MANY) ? Expect.HARMLESS : Expect.REFUSED));
        refused.accept(base.isArray() ? "array of null" : "empty object",
                base.isArray() ? "[null]" : "{}");
        refused.accept("trailing garbage", text + " garbage");
        refused.accept("trailing brace", text + "}");
        refused.accept("two documents", text + text);
        refused.accept("truncated", text.substring(0, text.length() / 2));
        refused.accept("duplicate key", duplicateKey(base));
        refused.accept("comment", "/* note */ " + text);
        refused.accept("single quotes", text.replace('"', '\''));
        refused.accept("NaN body", "NaN");
        refused.accept("10000 nested arrays", "[".repeat(10_000) + "]".repeat(10_000));
        refused.accept("10000 nested objects", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000));
        refused.accept("nesting inside the example", nestedInside(base));
        // Typed bodies refuse a field they do not know; bodies read as maps skip it.
        cases.add(new Case(example.route(), "unknown field", method, example.path(), Optional.of(JSON),
                utf8(withExtra(base)), Optional.empty(), Expect.HARMLESS));
        cases.add(new Case(example.route(), "invalid UTF-8", method, example.path(), Optional.of(JSON),
                invalidUtf8(text), Optional.empty(), Expect.REFUSED));
        cases.add(new Case(example.route(), "UTF-16 body", method, example.path(), Optional.of(JSON),
                text.getBytes(StandardCharsets.UTF_16), Optional.empty(), Expect.REFUSED));
        for (String type : List.of("text/plain", FORM, "application/xml", "multipart/form-data; boundary=x")) {
            cases.add(new Case(example.route(), "the example as " + type, method, example.path(), Optional.of(type),
                    utf8(text), Optional.empty(), Expect.REFUSED));
        }
        cases.add(new Case(example.route(), "the example without Content-Type", method, example.path(),
                Optional.empty(), utf8(text), Optional.empty(), Expect.REFUSED));
        cases.add(new Case(example.route(), "a form body as a form", method, example.path(), Optional.of(FORM),
                utf8("name=x&service=y"), Optional.empty(), Expect.REFUSED));
        cases.add(new Case(example.route(), "XML as XML", method, example.path(), Optional.of("application/xml"),
                utf8("<slo><name>x</name></slo>"), Optional.empty(), Expect.REFUSED));
        return cases;
    }

    /** The two cases at the size limit: one byte over it, and a string field just under it. */
    static List<Case> atTheSizeLimit(JsonExample example) {
        JsonNode base = read(example.body());
        String method = example.route().substring(0, example.route().indexOf(' '));
        String field = fields(base, "").stream().filter(f -> at(base, f).isTextual()).findFirst().orElseThrow();
        String over = replaced(base, field, "\"" + "x".repeat(MAX_REQUEST_BYTES) + "\"");
        String under = replaced(base, field, "\"" + "x".repeat(MAX_REQUEST_BYTES - 4096) + "\"");
        return List.of(
                new Case(example.route(), "one byte over 10 MiB", method, example.path(), Optional.of(JSON),
                        utf8(over), Optional.empty(), Expect.REFUSED),
                new Case(example.route(), field + " just under 10 MiB", method, example.path(), Optional.of(JSON),
                        utf8(under), Optional.of(field), Expect.REFUSED));
    }

    private static Case jsonCase(JsonExample example, String method, String field, String label, String body,
            Expect expect) {
        return new Case(example.route(), label, method, example.path(), Optional.of(JSON), utf8(body),
                Optional.of(field), expect);
    }

    // ---------------------------------------------------------------- text (YAML uploads)

    static List<Case> text(String route, String path, String contentType, String example) {
        String method = route.substring(0, route.indexOf(' '));
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("not YAML", utf8("{{{ ]]] :: -"));
        bodies.put("NUL in the text", utf8(example.replaceFirst("\n", "\u0000\n")));
        bodies.put("invalid UTF-8", invalidUtf8(example));
        bodies.put("a JSON array", utf8("[1, 2, 3]"));
        bodies.put("a scalar", utf8("42"));
        bodies.put("10000 nested flow sequences", utf8("[".repeat(10_000) + "]".repeat(10_000)));
        bodies.put("an alias bomb", utf8(aliasBomb()));
        bodies.put("tabs for indentation", utf8(example.replace("  ", "\t")));
        List<Case> cases = new ArrayList<>();
        bodies.forEach((label, body) -> cases.add(new Case(route, label, method, path, Optional.of(contentType), body,
                Optional.empty(), Expect.REFUSED)));
        // An empty file may empty a source; a long comment is still a file.
        cases.add(new Case(route, "empty body", method, path, Optional.of(contentType), new byte[0], Optional.empty(),
                Expect.HARMLESS));
        cases.add(new Case(route, "100000-character comment", method, path, Optional.of(contentType),
                utf8(example + "\n# " + "x".repeat(100_000)), Optional.empty(), Expect.HARMLESS));
        return cases;
    }

    private static String aliasBomb() {
        StringBuilder yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char previous = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            yaml.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            yaml.append("]\n");
            previous = c;
        }
        return yaml.toString();
    }

    // ---------------------------------------------------------------- forms

    static List<Case> form(FormExample example, String formToken) {
        List<Case> cases = new ArrayList<>();
        String method = "POST";
        for (String field : example.fields().keySet()) {
            String value = example.fields().get(field);
            Map<String, String> without = new LinkedHashMap<>(example.fields());
            without.remove(field);
            cases.add(formCase(example, "without " + field, encode(without, formToken), field, Expect.HARMLESS));
            cases.add(formCase(example, field + " empty", encode(with(example, field, ""), formToken), field,
                    Expect.HARMLESS));
            cases.add(formCase(example, field + " with NUL", encode(with(example, field, value + "\u0000"),
                    formToken), field, Expect.REFUSED));
            cases.add(formCase(example, field + " 100000 characters", encode(with(example, field,
                    "x".repeat(100_000)), formToken), field, Expect.REFUSED));
            cases.add(formCase(example, field + " invalid UTF-8", encode(with(example, field, MARK), formToken)
                    .replace(URLEncoder.encode(MARK, StandardCharsets.UTF_8), "%C3%28%ED%A0%80"), field,
                    Expect.REFUSED));
            cases.add(formCase(example, field + " bad percent-escape", encode(with(example, field, MARK),
                    formToken).replace(URLEncoder.encode(MARK, StandardCharsets.UTF_8), "%zz%"), field,
                    Expect.REFUSED));
            cases.add(formCase(example, field + " emoji", encode(with(example, field, value + "\uD83D\uDE00"),
                    formToken), field, Expect.HARMLESS));
            cases.add(formCase(example, field + " right-to-left", encode(with(example, field,
                    "\u202E" + value), formToken), field, Expect.HARMLESS));
            cases.add(formCase(example, field + " twice", encode(example.fields(), formToken) + "&"
                    + URLEncoder.encode(field, StandardCharsets.UTF_8) + "=other", field, Expect.HARMLESS));
        }
        cases.add(formCase(example, "without the form token", encode(example.fields(), null), null, Expect.REFUSED));
        cases.add(formCase(example, "a wrong form token", encode(example.fields(), "wrong"), null, Expect.REFUSED));
        cases.add(formCase(example, "empty body", "", null, Expect.REFUSED));
        cases.add(formCase(example, "only the form token", encode(Map.of(), formToken), null, Expect.HARMLESS));
        cases.add(formCase(example, "garbage fields", encode(Map.of("\u0000", "\u0000", "&&==", "x"), formToken)
                + "&&&=&==", null, Expect.HARMLESS));
        cases.add(new Case(example.route(), "a JSON body", method, example.path(), Optional.of(JSON),
                utf8(MAPPER.valueToTree(example.fields()).toString()), Optional.empty(), Expect.REFUSED));
        cases.add(new Case(example.route(), "the form as text/plain", method, example.path(),
                Optional.of("text/plain"), utf8(encode(example.fields(), formToken)), Optional.empty(),
                Expect.REFUSED));
        return cases;
    }

    private static Map<String, String> with(FormExample example, String field, String value) {
        Map<String, String> fields = new LinkedHashMap<>(example.fields());
        fields.put(field, value);
        return fields;
    }

    private static Case formCase(FormExample example, String label, String body, String field, Expect expect) {
        return new Case(example.route(), label, "POST", example.path(), Optional.of(FORM), utf8(body),
                Optional.ofNullable(field), expect);
    }

    private static String encode(Map<String, String> fields, String formToken) {
        StringBuilder body = new StringBuilder();
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (formToken != null) {
            all.put("_csrf", formToken);
        }
        all.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k,
                StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return body.toString();
    }

    // ---------------------------------------------------------------- query and path parameters

    /** Values for query parameters such as page, size, limit, from, to, at, month. */
    static final List<String> QUERY_VALUES = List.of("abc", "-1", "0", "99999999999999999999", "1e400", "NaN",
            "%00", "%ED%A0%80", "2026-13-45", "+999999999-12-31T23:59:59Z", "%F0%9F%98%80", "");
    static final List<String> QUERY_PARAMETERS = List.of("page", "size", "limit", "from", "to", "at", "month",
            "range", "since", "days", "weeks", "offset");

    static List<Case> query(String route, String path) {
        List<Case> cases = new ArrayList<>();
        for (String value : QUERY_VALUES) {
            StringBuilder query = new StringBuilder();
            for (String parameter : QUERY_PARAMETERS) {
                query.append(query.isEmpty() ? "?" : "&").append(parameter).append('=').append(value);
            }
            cases.add(new Case(route, "every parameter = " + value, "GET", path + query, Optional.empty(),
                    new byte[0], Optional.empty(), Expect.HARMLESS));
        }
        if (!path.startsWith("/api/")) {
            return cases;
        }
        for (String parameter : QUERY_PARAMETERS) {
            for (String value : List.of("abc", "99999999999999999999", "%00")) {
                cases.add(new Case(route, parameter + " = " + value, "GET", path + "?" + parameter + "=" + value,
                        Optional.empty(), new byte[0], Optional.empty(), Expect.HARMLESS));
            }
        }
        return cases;
    }

    /** Path parameters no route should choke on. */
    static final Set<String> PATHS_JETTY_REFUSES = Set.of("%00", "a%00b", "%ED%A0%80");
    static final List<String> PATH_VALUES = List.of("%00", "a%00b", "%ED%A0%80", "%F0%9F%98%80", "x".repeat(3000),
            "-1", "99999999999999999999", "1e400", "NaN", "%20", "..%2F..%2Fetc", "%25");

    // ---------------------------------------------------------------- JSON text surgery

    private static JsonNode read(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (Exception e) {
            throw new IllegalArgumentException("the example is not JSON: " + body, e);
        }
    }

    /** Paths of every field: object members at any depth, array elements through their first element. */
    static List<String> fields(JsonNode node, String prefix) {
        List<String> paths = new ArrayList<>();
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                String path = prefix.isEmpty() ? member.getKey() : prefix + "." + member.getKey();
                paths.add(path);
                paths.addAll(fields(member.getValue(), path));
            }
        } else if (node.isArray() && !node.isEmpty()) {
            String path = prefix + "[0]";
            if (node.get(0).isObject()) {
                paths.addAll(fields(node.get(0), path));
            } else {
                paths.add(path);
            }
        }
        return paths;
    }

    static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String step : steps(path)) {
            node = step.startsWith("[") ? node.get(Integer.parseInt(step.substring(1, step.length() - 1)))
                    : node.get(step);
        }
        return node;
    }

    private static List<String> steps(String path) {
        List<String> steps = new ArrayList<>();
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            String name = bracket < 0 ? part : part.substring(0, bracket);
            if (!name.isEmpty()) {
                steps.add(name);
            }
            for (int i = bracket; i >= 0; i = part.indexOf('[', i + 1)) {
                steps.add(part.substring(i, part.indexOf(']', i) + 1));
            }
        }
        return steps;
    }

    private static String removed(JsonNode base, String path) {
        JsonNode copy = base.deepCopy();
        List<String> steps = steps(path);
        JsonNode parent = at(copy, String.join(".", steps.subList(0, steps.size() - 1)).replace(".[", "["));
        String last = steps.get(steps.size() - 1);
        if (last.startsWith("[")) {
            ((ArrayNode) parent).remove(Integer.parseInt(last.substring(1, last.length() - 1)));
        } else {
            ((ObjectNode) parent).remove(last);
        }
        return copy.toString();
    }

    /** The body with the field's value replaced by raw JSON text, which may be anything, valid or not. */
    private static String replaced(JsonNode base, String path, String raw) {
        JsonNode copy = base.deepCopy();
        List<String> steps = steps(path);
        JsonNode parent = at(copy, String.join(".", steps.subList(0, steps.size() - 1)).replace(".[", "["));
        String last = steps.get(steps.size() - 1);
        if (last.startsWith("[")) {
            ((ArrayNode) parent).set(Integer.parseInt(last.substring(1, last.length() - 1)), TextNode.valueOf(MARK));
        } else {
            ((ObjectNode) parent).set(last, TextNode.valueOf(MARK));
        }
        return copy.toString().replace("\"" + MARK + "\"", raw);
    }

    private static String duplicateKey(JsonNode base) {
        JsonNode object = base.isArray() ? base.get(0) : base;
        String key = object.fieldNames().next();
        String text = base.toString();
        String member = "\"" + key + "\":";
        int at = text.indexOf(member);
        return text.substring(0, at) + member + "\"duplicate\"," + text.substring(at);
    }

    private static String nestedInside(JsonNode base) {
        JsonNode object = base.isArray() ? base.get(0) : base;
        String key = object.fieldNames().next();
        return replaced(base, base.isArray() ? "[0]." + key : key, "[".repeat(10_000) + "]".repeat(10_000));
    }

    private static String withExtra(JsonNode base) {
        JsonNode copy = base.deepCopy();
        ((ObjectNode) (copy.isArray() ? copy.get(0) : copy)).put("noSuchField", "x");
        return copy.toString();
    }

    private static byte[] invalidUtf8(String text) {
        int quote = text.indexOf('"', text.indexOf(':') + 1);
        int at = quote < 0 ? Math.min(text.length(), 1) : quote + 1;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(utf8(text.substring(0, at)));
        bytes.writeBytes(new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xED, (byte) 0xA0, (byte) 0x80});
        bytes.writeBytes(utf8(text.substring(at)));
        return bytes.toByteArray();
    }

    private static String quoted(String value, String inserted) {
        String escaped = escape(value);
        int middle = escaped.length() / 2;
        return "\"" + escaped.substring(0, middle) + inserted + escaped.substring(middle) + "\"";
    }

    private static String escape(String value) {
        String json = TextNode.valueOf(value).toString();
        return json.substring(1, json.length() - 1);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }
}
