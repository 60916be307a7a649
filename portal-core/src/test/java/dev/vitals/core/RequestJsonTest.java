package dev.vitals.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What callers send is read strictly: one meaning per body, or a refusal that names the field. */
class RequestJsonTest {

    record Body(String name, Double share, Long count, Boolean on, List<String> tags) {
    }

    private final ObjectMapper json = Json.requestMapper();

    private String refusedAt(String body) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> json.readValue(body, Body.class));
        return e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? mapping.getPath().get(mapping.getPath().size() - 1).getFieldName() : "(parse)";
    }

    @Test
    void aRightBodyReadsAsBefore() throws Exception {
        Body body = json.readValue("{\"name\": \"a ☃ 😀\", \"share\": 0.5, \"count\": 3, \"on\": true, \"tags\": [\"x\"]}",
                Body.class);
        assertEquals(new Body("a ☃ 😀", 0.5, 3L, true, List.of("x")), body);
    }

    @Test
    void textThatNoColumnCanHoldIsRefusedAtItsField() {
        assertEquals("name", refusedAt("{\"name\": \"a\\u0000b\"}"));
        assertEquals("name", refusedAt("{\"name\": \"\\ud800\"}"));
        assertEquals("name", refusedAt("{\"name\": \"x\\udc00\"}"));
        assertEquals(null, refusedAt("{\"tags\": [\"\\u0000\"]}"), "an element is named by its index");
        assertThrows(JsonMappingException.class, () -> json.readValue("{\"a\": \"\\u0000\"}", Map.class));
    }

    @Test
    void valuesOfAnotherTypeAreNotCoerced() {
        assertEquals("name", refusedAt("{\"name\": 42}"));
        assertEquals("name", refusedAt("{\"name\": true}"));
        assertEquals("share", refusedAt("{\"share\": \"0.5\"}"));
        assertEquals("count", refusedAt("{\"count\": \"3\"}"));
        assertEquals("count", refusedAt("{\"count\": 2.5}"));
        assertEquals("on", refusedAt("{\"on\": \"true\"}"));
        assertEquals("on", refusedAt("{\"on\": 1}"));
    }

    @Test
    void numbersBeyondTheirTypeAreRefused() {
        assertEquals("share", refusedAt("{\"share\": 1e400}"));
        assertEquals("share", refusedAt("{\"share\": -1e400}"));
        assertEquals("count", refusedAt("{\"count\": 9223372036854775808}"));
        assertEquals("(parse)", refusedAt("{\"share\": NaN}"));
        assertEquals("(parse)", refusedAt("{\"count\": " + "9".repeat(1500) + "}"));
    }

    @Test
    void aBodyThatSaysTwoThingsIsRefused() {
        assertEquals("(parse)", refusedAt("{\"name\": \"a\", \"name\": \"b\"}"));
        assertEquals("(parse)", refusedAt("{\"name\": \"a\"} {\"name\": \"b\"}"));
        assertEquals("(parse)", refusedAt("[".repeat(101) + "]".repeat(101)));
    }
}
