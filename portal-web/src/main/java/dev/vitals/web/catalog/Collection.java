package dev.vitals.web.catalog;

import dev.vitals.api.EntityRef;
import dev.vitals.api.PluginUrls;
import dev.vitals.core.catalog.WrittenRef;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** The catalog's lists as the portal names them in URLs, and the entity kind behind each. */
public enum Collection {
    SERVICES("services", "Component", "Services", "service"),
    TEAMS("teams", "Group", "Teams", "team"),
    SYSTEMS("systems", "System", "Systems", "system"),
    COMPONENTS("components", "AvailabilityComponent", "Availability components", "availability component"),
    PROGRAMS("programs", "Program", "Programs", "program");

    private final String path;
    private final String kind;
    private final String title;
    private final String singular;

    Collection(String path, String kind, String title, String singular) {
        this.path = path;
        this.kind = kind;
        this.title = title;
        this.singular = singular;
    }

    public String path() {
        return path;
    }

    public String kind() {
        return kind;
    }

    public Set<String> kinds() {
        return Set.of(kind);
    }

    public String title() {
        return title;
    }

    public String singular() {
        return singular;
    }

    /** The entity a URL key names, empty when the key cannot name one (it holds ':' or a second '/'). */
    public Optional<EntityRef> ref(String key) {
        return EntityRef.fromKey(kind, key);
    }

    public static Optional<Collection> byPath(String path) {
        return Arrays.stream(values()).filter(c -> c.path.equals(path)).findFirst();
    }

    /** The page of any entity reference: its collection's page, or the generic entity page. */
    public static String href(String ref) {
        if (ref == null) {
            return null;
        }
        Optional<EntityRef> parsed = WrittenRef.parse(ref, "component", EntityRef.DEFAULT_NAMESPACE);
        if (parsed.isEmpty()) {
            return "/services";
        }
        // One mapping from kinds to pages, the one plugins link with too.
        return PluginUrls.entity(parsed.get());
    }
}
