package dev.vitals.api;

import java.util.Locale;
import java.util.Optional;

/**
 * A reference to a catalog entity as Backstage writes it: {@code kind:namespace/name}. The kind may be left out where
 * the context implies it ({@code artist-lookup} in a service field), and the namespace defaults to
 * {@value #DEFAULT_NAMESPACE}. Refs compare case-insensitively, so every part is kept in lower case and
 * {@link #toString()} gives the one canonical form, the form the host stores and plugins receive.
 *
 * <p>Parse once where text comes in (a request, a file, a database row) and pass the value on: {@link CatalogView},
 * {@link Signals}, {@link Measures} and {@link RequestCaller} take and give this type.
 *
 * @param kind the entity kind, lower case, e.g. {@code component}, {@code group}, {@code program}
 * @param namespace the namespace, lower case
 * @param name the name, lower case
 * @since 1.3.0
 */
public record EntityRef(String kind, String namespace, String name) {

    /**
     * The namespace of a reference that names none.
     *
     * @since 1.3.0
     */
    public static final String DEFAULT_NAMESPACE = "default";

    /**
     * Makes a reference from its parts, in lower case.
     *
     * @param kind the kind
     * @param namespace the namespace
     * @param name the name
     * @throws IllegalArgumentException when a part is blank or holds a {@code :} or {@code /}, which would make the
     *     canonical form ambiguous
     * @since 1.3.0
     */
    public EntityRef {
        kind = part("kind", kind);
        namespace = part("namespace", namespace);
        name = part("name", name);
    }

    /**
     * Parses a reference that names its kind: {@code kind:namespace/name} or {@code kind:name}.
     *
     * @param text the reference, e.g. {@code component:default/artist-lookup} or {@code group:team-a}
     * @return the reference
     * @throws IllegalArgumentException when the text is not of that form; the message names the form expected
     * @since 1.3.0
     */
    public static EntityRef parse(String text) {
        return parse(text, null, DEFAULT_NAMESPACE);
    }

    /**
     * Parses a reference whose kind may be implied: {@code [kind:][namespace/]name}.
     *
     * @param text the reference, e.g. {@code team-a}, {@code group:team-a} or {@code group:default/team-a}
     * @param defaultKind the kind when the text names none (Backstage's rule: it depends on the field)
     * @return the reference
     * @throws IllegalArgumentException when the text is not of that form; the message names the form expected
     * @since 1.3.0
     */
    public static EntityRef parse(String text, String defaultKind) {
        return parse(text, defaultKind, DEFAULT_NAMESPACE);
    }

    /**
     * Parses a reference written inside a descriptor, where a missing namespace is the referring entity's.
     *
     * @param text the reference, {@code [kind:][namespace/]name}
     * @param defaultKind the kind when the text names none, or {@code null} when the text must name it
     * @param defaultNamespace the namespace when the text names none
     * @return the reference
     * @throws IllegalArgumentException when the text is not of that form; the message names the form expected
     * @since 1.3.0
     */
    public static EntityRef parse(String text, String defaultKind, String defaultNamespace) {
        String expected = defaultKind == null ? "kind:[namespace/]name, e.g. component:default/artist-lookup"
                : "[kind:][namespace/]name, e.g. " + defaultKind + ":default/artist-lookup or artist-lookup";
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an entity reference is required: expected " + expected);
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
        if (kind == null || kind.isBlank() || namespace == null || namespace.isBlank() || rest.isBlank()
                || rest.contains("/") || rest.contains(":")) {
            throw new IllegalArgumentException("'" + text + "' is not an entity reference: expected " + expected);
        }
        return new EntityRef(kind, namespace, rest);
    }

    /**
     * The reference of an entity in the default namespace.
     *
     * @param kind the kind, e.g. {@code component}
     * @param name the name, e.g. {@code artist-lookup}
     * @return {@code kind:default/name}
     * @throws IllegalArgumentException when a part is blank or holds a {@code :} or {@code /}
     * @since 1.3.0
     */
    public static EntityRef of(String kind, String name) {
        return new EntityRef(kind, DEFAULT_NAMESPACE, name);
    }

    /**
     * The reference of an entity of this kind with the given URL key, the inverse of {@link #key()}.
     *
     * @param kind the kind, e.g. {@code component}
     * @param key the name in the default namespace, {@code namespace/name} elsewhere
     * @return the reference
     * @throws IllegalArgumentException when the key is not of that form
     * @since 1.3.0
     */
    public static EntityRef ofKey(String kind, String key) {
        int slash = key == null ? -1 : key.indexOf('/');
        return slash < 0 ? new EntityRef(kind, DEFAULT_NAMESPACE, key)
                : new EntityRef(kind, key.substring(0, slash), key.substring(slash + 1));
    }

    /**
     * The reference for a key that comes from a request (a path or query parameter, a form or JSON field), where a
     * key that cannot be one simply names no entity: the lenient counterpart of {@link #ofKey(String, String)}.
     *
     * @param kind the kind, e.g. {@code component}
     * @param key the name in the default namespace, {@code namespace/name} elsewhere; may be {@code null}
     * @return the reference, or empty when the key is blank or holds a {@code :} or a second {@code /}
     * @since 1.3.0
     */
    public static Optional<EntityRef> fromKey(String kind, String key) {
        try {
            return Optional.of(ofKey(kind, key));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The key used in URLs such as {@code /services/{key}}: the name in the default namespace, {@code namespace/name}
     * elsewhere.
     *
     * @return the key
     * @since 1.3.0
     */
    public String key() {
        return namespace.equals(DEFAULT_NAMESPACE) ? name : namespace + "/" + name;
    }

    /**
     * The canonical form, {@code kind:namespace/name}, as the host stores refs and plugins receive them.
     *
     * @return the reference as text
     * @since 1.3.0
     */
    @Override
    public String toString() {
        return kind + ":" + namespace + "/" + name;
    }

    private static String part(String what, String value) {
        if (value == null || value.isBlank() || value.contains(":") || value.contains("/")) {
            throw new IllegalArgumentException("'" + value + "' is not an entity " + what
                    + ": it must not be blank nor hold ':' or '/' (expected kind:namespace/name)");
        }
        return value.toLowerCase(Locale.ROOT);
    }
}
