package dev.vitals.plugins.deploys.catalog;

import dev.vitals.api.CatalogEntity;
import dev.vitals.api.CatalogView;
import dev.vitals.api.EntityRef;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Services as this plugin keeps them: by catalog key ({@code recorder-api}, or {@code namespace/name} outside the
 * default namespace) in its tables, and as {@link EntityRef}s wherever they are passed to the host.
 */
public final class ServiceRefs {

    private static final String KIND = "component";

    private ServiceRefs() {
    }

    /**
     * @param key a service's catalog key as stored; rows written before keys were normalised may hold a whole
     *     reference, which reads the same
     * @return its reference
     */
    public static EntityRef ref(String key) {
        return EntityRef.parse(key, KIND);
    }

    /** @param keys services as stored, e.g. a batch's, in order @return their references, each once, in that order */
    public static List<EntityRef> refs(Collection<String> keys) {
        return keys.stream().distinct().map(ServiceRefs::ref).toList();
    }

    /**
     * @param catalog the catalog
     * @param text what a caller sent: a key ({@code recorder-api}) or a reference ({@code component:default/x})
     * @return the service, when the text names one the catalog has
     */
    public static Optional<CatalogEntity> service(CatalogView catalog, String text) {
        return parse(text).flatMap(catalog::entity);
    }

    /**
     * @param text what a caller sent: a key ({@code recorder-api}) or a reference ({@code component:default/x})
     * @return the service's reference, when the text can name one
     */
    public static Optional<EntityRef> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(EntityRef.parse(text.trim(), KIND)).filter(r -> r.kind().equals(KIND));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** @param services catalog entities @return their keys as this plugin stores them */
    public static List<String> keys(Collection<CatalogEntity> services) {
        return services.stream().map(s -> s.ref().key()).toList();
    }
}
