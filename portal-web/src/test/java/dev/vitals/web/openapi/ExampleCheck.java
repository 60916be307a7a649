package dev.vitals.web.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks every example of an OpenAPI 3.1 document, request and response, against the schema it sits next to, with
 * networknt's JSON Schema validator (draft 2020-12, formats asserted). Each schema is checked with the document's
 * schemas beside it as {@code $defs}, so that its {@code #/components/schemas/…} references resolve.
 */
public final class ExampleCheck {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    /**
     * @param checked how many examples were checked
     * @param failures one line per example that does not validate: where it is and why
     */
    public record Report(int checked, List<String> failures) {
    }

    private ExampleCheck() {
    }

    public static Report of(JsonNode document) {
        int checked = 0;
        List<String> failures = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                List<Map.Entry<String, JsonNode>> bodies = new ArrayList<>();
                op.getValue().path("requestBody").path("content").fields()
                        .forEachRemaining(media -> bodies.add(Map.entry(where + " request " + media.getKey(),
                                media.getValue())));
                op.getValue().path("responses").fields().forEachRemaining(response -> response.getValue()
                        .path("content").fields().forEachRemaining(media -> bodies.add(Map.entry(where + " response "
                                + response.getKey() + " " + media.getKey(), media.getValue()))));
                for (Map.Entry<String, JsonNode> body : bodies) {
                    if (body.getValue().has("example")) {
                        checked++;
                        failures.addAll(failures(document, body.getValue().get("schema"),
                                body.getValue().get("example"), body.getKey()));
                    }
                }
            }
        }
        return new Report(checked, failures);
    }

    /** @return why the example does not validate against the schema, one line each; empty when it does */
    public static List<String> failures(JsonNode document, JsonNode schema, JsonNode example, String where) {
        if (schema == null) {
            return List.of(where + ": an example without a schema");
        }
        ObjectNode standalone = ((ObjectNode) schema).deepCopy();
        standalone.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        standalone.set("$defs", document.path("components").path("schemas").deepCopy());
        // The document's references, pointed at the same definitions under the place JSON Schema keeps them.
        Schema validator = SCHEMAS.getSchema(standalone.toString().replace("\"#/components/schemas/", "\"#/$defs/"),
                InputFormat.JSON);
        return validator.validate(example.toString(), InputFormat.JSON,
                        context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)))
                .stream().map(error -> where + ": " + error.toString()).toList();
    }
}
