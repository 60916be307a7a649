package dev.vitals.core.catalog;

import dev.vitals.api.EntityRef;
import java.util.List;

/**
 * An entity as lists show it.
 *
 * @param ref its reference, {@code kind:namespace/name}
 * @param key its key in URLs: the name, or {@code namespace/name} outside the default namespace
 * @param kind the kind as written
 * @param name the name as written
 * @param title the display title (the name when it has none)
 * @param description one paragraph, or null
 * @param type {@code spec.type}, or null
 * @param lifecycle {@code spec.lifecycle}, or null
 * @param owner the owner's reference, or null
 * @param system the system's reference, or null
 * @param tags its tags
 * @param orphaned whether it disappeared from its source
 */
public record EntitySummary(String ref, String key, String kind, String name, String title, String description,
        String type, String lifecycle, String owner, String system, List<String> tags, boolean orphaned) {

    /** The key of a referenced entity, for links: the part after the kind. */
    public static String keyOf(String ref) {
        if (ref == null) {
            return null;
        }
        return WrittenRef.parse(ref, null, EntityRef.DEFAULT_NAMESPACE).map(EntityRef::key).orElse(ref);
    }

    /** The name part of a reference, for display when the entity itself is not in the catalog. */
    public static String nameOf(String ref) {
        return ref == null ? null : ref.substring(ref.lastIndexOf('/') + 1);
    }
}
