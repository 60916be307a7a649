package dev.vitals.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vitals.api.FieldError;
import java.util.List;

/**
 * An RFC 9457 problem document, the body of every JSON error the portal answers.
 *
 * @param type a URI naming the kind of problem; {@code about:blank} when the status says it all
 * @param title a short summary of the kind
 * @param status the HTTP status
 * @param detail this occurrence in words
 * @param instance the request path
 * @param errors the fields at fault (an extension member), omitted when empty
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String CONTENT_TYPE = "application/problem+json";
}
