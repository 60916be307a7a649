package dev.vitals.plugins.example;

import dev.vitals.api.EntityRef;
import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The body of {@code POST /api/example/notes}.
 *
 * @param service the catalog key of the service, e.g. {@code artist-lookup}
 * @param body the text, 1 to 2000 characters
 */
public record NewNote(String service, String body) {

    /**
     * Parses the service key once, where the text comes in, and refuses the note with every field at fault named.
     *
     * @return the service the note is about
     * @throws ProblemException 422 naming each field at fault
     */
    EntityRef validate() {
        List<FieldError> errors = new ArrayList<>();
        Optional<EntityRef> ref = Optional.empty();
        if (service == null || service.isBlank()) {
            errors.add(new FieldError("service", "is required: the key of a service, e.g. artist-lookup"));
        } else if (service.length() > 100) {
            errors.add(new FieldError("service", "must be a service's key, at most 100 characters, got "
                    + service.length()));
        } else {
            ref = EntityRef.fromKey("component", service.trim());
            if (ref.isEmpty()) {
                errors.add(new FieldError("service", "must be a service's key, e.g. artist-lookup, got '"
                        + service.trim() + "'"));
            }
        }
        if (body == null || body.isBlank()) {
            errors.add(new FieldError("body", "is required: the note's text"));
        } else if (body.length() > 2000) {
            errors.add(new FieldError("body", "must be at most 2000 characters, got " + body.length()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("the note cannot be saved", errors);
        }
        return ref.orElseThrow();
    }
}
