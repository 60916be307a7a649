package ${package};

import dev.vitals.api.EntityRef;
import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The body of {@code POST /api/${pluginId}/greetings}.
 *
 * @param service the catalog key of the service greeted, e.g. {@code artist-lookup}
 * @param name who is greeted, 1 to 100 characters
 */
public record NewGreeting(String service, String name) {

    /**
     * @return the service greeted, parsed once where the text comes in
     * @throws ProblemException 422 naming every field at fault
     */
    EntityRef validate() {
        List<FieldError> errors = new ArrayList<>();
        Optional<EntityRef> ref = service == null ? Optional.empty() : EntityRef.fromKey("component", service.trim());
        if (ref.isEmpty()) {
            errors.add(new FieldError("service", "must be the key of a service, e.g. artist-lookup"));
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            errors.add(new FieldError("name", "must be 1 to 100 characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("the greeting cannot be saved", errors);
        }
        return ref.orElseThrow();
    }
}
