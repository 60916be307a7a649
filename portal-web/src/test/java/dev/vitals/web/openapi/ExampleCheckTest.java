package dev.vitals.web.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vitals.api.RouteDoc;
import dev.vitals.api.Role;
import dev.vitals.api.HttpMethod;
import dev.vitals.web.security.GuardedRoutes.Rule;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The check every documented example goes through finds an example that has drifted from its record. */
class ExampleCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anExampleMatchingItsRecordPasses() {
        JsonNode document = describe(DocumentedPlugin.NOTE);
        ExampleCheck.Report report = ExampleCheck.of(document);
        assertEquals(1, report.checked());
        assertEquals(List.of(), report.failures());
    }

    @Test
    void anExampleWithAWrongTypeAMemberTheRecordLacksOrABadInstantFails() {
        String wrongType = DocumentedPlugin.NOTE.replace("\"id\": 7", "\"id\": \"seven\"");
        String unknownMember = DocumentedPlugin.NOTE.replace("\"id\": 7", "\"id\": 7, \"colour\": \"red\"");
        String badInstant = DocumentedPlugin.NOTE.replace("2030-01-02T03:04:05Z", "2 January 2030");
        String badEnum = DocumentedPlugin.NOTE.replace("\"WARN\"", "\"warn\"");
        for (String example : List.of(wrongType, unknownMember, badInstant, badEnum)) {
            ExampleCheck.Report report = ExampleCheck.of(describe(example));
            assertEquals(1, report.failures().size(), example + " -> " + report.failures());
            assertTrue(report.failures().get(0).startsWith("POST /api/x/notes response 201 application/json"),
                    report.failures().get(0));
        }
    }

    @Test
    void anExampleThatIsNotJsonFails() {
        assertEquals(1, ExampleCheck.of(describe("{\"id\": ")).failures().size());
    }

    /** A document with one route that answers with a {@code Note} and the given example. */
    private static JsonNode describe(String example) {
        Rule rule = new Rule(HttpMethod.POST, "/api/x/notes", Optional.of(Role.EDITOR), Optional.of("x:write"), false,
                RouteDoc.of("Write a note").returns(201, RouteDoc.Body.json(DocumentedPlugin.Note.class, example)));
        ObjectNode document = new ApiDescription(id -> Optional.empty()).document(List.of(rule));
        return JSON.valueToTree(document);
    }
}
