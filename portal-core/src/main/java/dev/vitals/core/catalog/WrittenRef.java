package dev.vitals.core.catalog;

import dev.vitals.api.EntityRef;
import java.util.Optional;

/**
 * References as people write them in descriptors, forms and query parameters, where text that is not a reference is
 * an answer ("not in the catalog", a field problem) rather than an error. The rule itself is
 * {@link EntityRef#parse(String, String, String)}; this only turns its refusal into an empty answer.
 */
public final class WrittenRef {

    private WrittenRef() {
    }

    /**
     * @param text the reference, e.g. {@code group:default/team-a}, {@code component:artist-lookup} or {@code team-a}
     * @param defaultKind the kind when the text names none, or {@code null} when it must name one
     * @param defaultNamespace the namespace when the text names none: the referring entity's
     * @return the reference, or empty when the text is not one
     */
    public static Optional<EntityRef> parse(String text, String defaultKind, String defaultNamespace) {
        try {
            return Optional.of(EntityRef.parse(text, defaultKind, defaultNamespace));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
