package dev.vitals.plugins.deploys.ingest;

import dev.vitals.api.CatalogEntity;
import dev.vitals.api.CatalogView;
import dev.vitals.api.EntityRef;
import dev.vitals.plugins.deploys.catalog.ServiceRefs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The catalog keys of the services events name, kept from request to request. Reading them from the catalog was a
 * round trip per event sent one at a time and, for a batch of 1,000, a third of its CPU (every entity read whole,
 * annotations and all, to learn its key).
 *
 * <p>Only services found are kept, and only while the catalog's version stays the same; the version is asked at most
 * once per {@link #RECHECK}. A name not kept is always looked up, so a service added to the catalog is accepted at
 * once. A service removed from it is still accepted for up to {@link #RECHECK}: an event that would have been
 * accepted a moment earlier.
 */
final class KnownServices {

    static final Duration RECHECK = Duration.ofSeconds(1);
    /** More names than any catalog has services: past it, texts that merely resolve to a service are not kept. */
    private static final int MOST = 200_000;

    private final CatalogView catalog;
    private final Clock clock;
    private volatile Kept kept = new Kept(Long.MIN_VALUE, Instant.MIN, new ConcurrentHashMap<>());

    private record Kept(long version, Instant checkedAt, Map<String, String> keys) {
    }

    KnownServices(CatalogView catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * @param named what callers sent as services, possibly null or not a reference
     * @return for each text that can name a service, its catalog key, or empty when the catalog has no such service;
     *     texts that are no reference are left out
     */
    Map<String, Optional<String>> keys(Collection<String> named) {
        Map<String, String> keys = current().keys();
        Map<String, Optional<String>> known = new HashMap<>();
        Map<String, EntityRef> missing = new HashMap<>();
        for (String text : named) {
            if (text == null || known.containsKey(text) || missing.containsKey(text)) {
                continue;
            }
            String key = keys.get(text);
            if (key != null) {
                known.put(text, Optional.of(key));
            } else {
                ServiceRefs.parse(text).ifPresent(ref -> missing.put(text, ref));
            }
        }
        if (!missing.isEmpty()) {
            Map<EntityRef, CatalogEntity> found = catalog.entities(missing.values());
            missing.forEach((text, ref) -> {
                Optional<String> key = Optional.ofNullable(found.get(ref)).map(e -> e.ref().key());
                known.put(text, key);
                if (key.isPresent() && keys.size() < MOST) {
                    keys.put(text, key.get());
                }
            });
        }
        return known;
    }

    private Kept current() {
        Kept now = kept;
        Instant at = clock.instant();
        if (at.isBefore(now.checkedAt().plus(RECHECK)) && !at.isBefore(now.checkedAt())) {
            return now;
        }
        long version = catalog.version();
        Kept next = new Kept(version, at, version == now.version() ? now.keys() : new ConcurrentHashMap<>());
        kept = next;
        return next;
    }
}
