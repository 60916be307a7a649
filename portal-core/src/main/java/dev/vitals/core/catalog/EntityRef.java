package dev.vitals.core.catalog;

import java.util.Locale;
import java.util.Optional;

/**
 * A reference to a catalog entity as Backstage writes it: {@code kind:namespace/name}, where kind and namespace may
 * be left out ({@code team-a}, {@code component:artist-lookup}) and are then filled from the context. Refs compare
 * case-insensitively, so the canonical form is lower case.
 *
 * @param kind the entity kind, lower case
 * @param namespace the namespace, lower case
 * @param name the name, lower case
 */
public record EntityRef(String kind, String namespace, String name) {

    public static final String DEFAULT_NAMESPACE = "default";

    public EntityRef {
        kind = kind.toLowerCase(Locale.ROOT);
        namespace = namespace.toLowerCase(Locale.ROOT);
        name = name.toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a reference written in a descriptor.
     *
     * @param text the reference, e.g. {@code group:default/team-a}, {@code component:artist-lookup} or {@code team-a}
     * @param defaultKind the kind when the text names none (Backstage's rule: it depends on the field)
     * @param defaultNamespace the namespace when the text names none: the referring entity's
     * @return the reference, or empty when the text is not a reference
     */
    public static Optional<EntityRef> parse(String text, String defaultKind, String defaultNamespace) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String rest = text.trim();
        String kind = defaultKind;
        int colon = rest.indexOf(':');
        if (colon >= 0) {
            kind = rest.substring(0, colon);
            rest = rest.substring(colon + 1);
        }
        String namespace = defaultNamespace;
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            namespace = rest.substring(0, slash);
            rest = rest.substring(slash + 1);
        }
        if (kind == null || kind.isBlank() || namespace.isBlank() || rest.isBlank() || rest.contains("/")
                || rest.contains(":")) {
            return Optional.empty();
        }
        return Optional.of(new EntityRef(kind, namespace, rest));
    }

    /** The key used in URLs: the name in the default namespace, {@code namespace/name} elsewhere. */
    public String key() {
        return namespace.equals(DEFAULT_NAMESPACE) ? name : namespace + "/" + name;
    }

    /** The ref of an entity of this kind with the given URL key. */
    public static EntityRef ofKey(String kind, String key) {
        int slash = key.indexOf('/');
        return slash < 0 ? new EntityRef(kind, DEFAULT_NAMESPACE, key)
                : new EntityRef(kind, key.substring(0, slash), key.substring(slash + 1));
    }

    @Override
    public String toString() {
        return kind + ":" + namespace + "/" + name;
    }
}
