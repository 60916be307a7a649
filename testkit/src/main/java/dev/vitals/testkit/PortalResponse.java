package dev.vitals.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vitals.api.ui.Flash;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * What the portal answered.
 *
 * @param status the HTTP status
 * @param body the body as text; empty when there is none
 * @param headers the response headers
 * @since 2.0.0
 */
public record PortalResponse(int status, String body, HttpHeaders headers) {

    /**
     * Checks the parts.
     *
     * @since 2.0.0
     */
    public PortalResponse {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(headers, "headers");
    }

    /**
     * @param name a header name, in any case
     * @return its first value, if the portal sent it
     * @since 2.0.0
     */
    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /**
     * The confirmation a saving form leaves for the next page ({@link Flash#confirm}), as the portal's page frame
     * will show it there.
     *
     * @return the sentence, if this answer left one
     * @since 2.1.0
     */
    public Optional<String> confirmation() {
        return headers.allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith(Flash.COOKIE + "="))
                .map(cookie -> cookie.substring(Flash.COOKIE.length() + 1, cookie.indexOf(';') < 0 ? cookie.length()
                        : cookie.indexOf(';')))
                .filter(value -> !value.isEmpty())
                .map(value -> new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8))
                .findFirst();
    }

    /**
     * @return the media type without parameters, e.g. {@code application/problem+json}; empty when none was sent
     * @since 2.0.0
     */
    public Optional<String> contentType() {
        return header("Content-Type").map(type -> type.split(";")[0].trim());
    }

    /**
     * Reads the body into a record of the test's own, the way the portal's clients read it.
     *
     * @param type the record (or any Jackson-readable type)
     * @param <T> the type
     * @return the body read as that type
     * @throws AssertionError when the body is not JSON of that shape, quoting status and body
     * @since 2.0.0
     */
    public <T> T as(Class<T> type) {
        try {
            return PortalClient.JSON.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new AssertionError("the answer is not a " + type.getSimpleName() + ": " + this, e);
        }
    }

    /**
     * @return the body as a JSON tree, for a look at one field
     * @throws AssertionError when the body is not JSON, quoting status and body
     * @since 2.0.0
     */
    public JsonNode json() {
        return as(JsonNode.class);
    }

    /**
     * @param expected the status the test expects
     * @return this response, to go on reading it
     * @throws AssertionError when the status differs, quoting the body (a problem's detail says why)
     * @since 2.0.0
     */
    public PortalResponse expect(int expected) {
        if (status != expected) {
            throw new AssertionError("expected status " + expected + " but got " + this);
        }
        return this;
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
