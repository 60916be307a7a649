package dev.vitals.plugins.example;

import dev.vitals.api.EntityRef;
import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /api/example/notes}.
 *
 * @param service the catalog key of the service
 * @param body the text, 1 to 2000 characters
 */
public record NewNote(String service, String body) {

    /** Refuses the note with every field at fault named. */
    void validate() {
        List<FieldError> errors = new ArrayList<>();
        if (service == null || service.isBlank()) {
            errors.add(new FieldError("service", "is required: the key of a service, e.g. artist-lookup"));
        } else if (service.length() > 100) {
            errors.add(new FieldError("service", "must be a service's key, at most 100 characters, got "
                    + service.length()));
        } else if (EntityRef.fromKey("component", service.trim()).isEmpty()) {
            errors.add(new FieldError("service", "must be a service's key, e.g. artist-lookup, got '" + service.trim()
                    + "'"));
        }
        if (body == null || body.isBlank()) {
            errors.add(new FieldError("body", "is required: the note's text"));
        } else if (body.length() > 2000) {
            errors.add(new FieldError("body", "must be at most 2000 characters, got " + body.length()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("the note cannot be saved", errors);
        }
    }
}
