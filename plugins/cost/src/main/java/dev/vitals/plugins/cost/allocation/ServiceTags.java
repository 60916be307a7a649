package dev.vitals.plugins.cost.allocation;

import dev.vitals.api.CatalogEntity;
import dev.vitals.api.CatalogView;
import dev.vitals.api.EntityRef;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which catalog service a row's allocation tag names: a service's key ({@code checkout}, or {@code ns/checkout}
 * outside the default namespace) or the value of its annotation {@value #ANNOTATION}, case aside. Rebuilt when the
 * catalog changes, so a service added or annotated later gets its cost from the rows already stored.
 */
public final class ServiceTags {

    /** The annotation a service carries when its cost is tagged with something else than its key. */
    public static final String ANNOTATION = "vitals.dev/cost-tag";

    private final CatalogView catalog;
    private volatile Snapshot snapshot = new Snapshot(Long.MIN_VALUE, Map.of());

    public ServiceTags(CatalogView catalog) {
        this.catalog = catalog;
    }

    /**
     * @param tag a row's allocation tag, lower case
     * @return the service it names, if any
     */
    public Optional<EntityRef> service(String tag) {
        return Optional.ofNullable(current().byTag().get(tag));
    }

    /** @return every tag the catalog answers to, lower case, with its service */
    public Map<String, EntityRef> all() {
        return current().byTag();
    }

    private Snapshot current() {
        long version = catalog.version();
        Snapshot now = snapshot;
        if (now.version() != version) {
            now = new Snapshot(version, byTag(catalog.services()));
            snapshot = now;
        }
        return now;
    }

    private static Map<String, EntityRef> byTag(List<CatalogEntity> services) {
        Map<String, EntityRef> byTag = new HashMap<>();
        // Annotations first, so that a service's explicit tag wins over another's key of the same text.
        for (CatalogEntity service : services) {
            String annotated = service.annotations().get(ANNOTATION);
            if (annotated != null && !annotated.isBlank()) {
                byTag.putIfAbsent(annotated.trim().toLowerCase(Locale.ROOT), service.ref());
            }
        }
        for (CatalogEntity service : services) {
            byTag.putIfAbsent(service.ref().key().toLowerCase(Locale.ROOT), service.ref());
        }
        return Map.copyOf(byTag);
    }

    private record Snapshot(long version, Map<String, EntityRef> byTag) {
    }
}
