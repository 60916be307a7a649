package dev.vitals.plugins.priorities.backlog;

import dev.vitals.api.CatalogEntity;
import dev.vitals.api.CatalogView;
import dev.vitals.api.EntityRef;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The owning team of every service, read from the catalog in one go and kept until the catalog changes: the plan view
 * asks for the owners of every service whose error budget is spent, thousands at a time, on each request, and asking
 * the catalog each time cost more than the rest of the request.
 */
public final class ServiceOwners {

    private final CatalogView catalog;
    private volatile Known known = new Known(Long.MIN_VALUE, Map.of());

    /** What was read at one catalog version. */
    private record Known(long version, Map<EntityRef, Optional<EntityRef>> owners) {
    }

    public ServiceOwners(CatalogView catalog) {
        this.catalog = catalog;
    }

    /**
     * @param subjects entities of any kind; services are answered from what is kept, others asked of the catalog
     * @return the owner of each subject the catalog has with an owner
     */
    public Map<EntityRef, EntityRef> of(Collection<EntityRef> subjects) {
        Map<EntityRef, Optional<EntityRef>> services = services();
        Map<EntityRef, EntityRef> owners = new HashMap<>();
        List<EntityRef> others = subjects.stream().filter(s -> !services.containsKey(s)).distinct().toList();
        for (EntityRef subject : subjects) {
            Optional<EntityRef> owner = services.get(subject);
            if (owner != null) {
                owner.ifPresent(o -> owners.put(subject, o));
            }
        }
        if (!others.isEmpty()) {
            catalog.entities(others).forEach((ref, entity) -> entity.owner().ifPresent(o -> owners.put(ref, o)));
        }
        return owners;
    }

    private Map<EntityRef, Optional<EntityRef>> services() {
        long version = catalog.version();
        Known now = known;
        if (now.version() != version) {
            // Read after the version: a change in between is kept under the older number and read again next time.
            Map<EntityRef, Optional<EntityRef>> owners = new HashMap<>();
            for (CatalogEntity service : catalog.services()) {
                owners.put(service.ref(), service.owner());
            }
            now = new Known(version, Map.copyOf(owners));
            known = now;
        }
        return now.owners();
    }
}
