package dev.vitals.plugins.deploys.ingest;

import dev.vitals.api.CatalogChange;
import dev.vitals.api.CatalogChanges;
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
 * <p>Every service's key is read at the first use, in one read: looked up one by one as events first named them, a
 * stream of single events over 10,000 services spent most of its request threads' time in those look-ups. The
 * catalog's version is asked at most once per {@link #RECHECK}; when it moved, only what changed since is applied
 * (a removed service is dropped), so the keys are not read again after every catalog edit. A name not kept is always
 * looked up, so a service added to the catalog is accepted at once. A service removed from it is still accepted for
 * up to {@link #RECHECK}: an event that would have been accepted a moment earlier.
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
        if (stillCurrent(now, at)) {
            return now;
        }
        synchronized (this) {
            now = kept;
            if (stillCurrent(now, at)) {
                return now;
            }
            long version = catalog.version();
            Kept next = version == now.version() ? new Kept(version, at, now.keys()) : movedTo(version, now, at);
            kept = next;
            return next;
        }
    }

    private static boolean stillCurrent(Kept kept, Instant at) {
        return at.isBefore(kept.checkedAt().plus(RECHECK)) && !at.isBefore(kept.checkedAt());
    }

    /**
     * The keys at the catalog's new version: those kept, less the services removed since, when the catalog can tell
     * what changed; else every service's key read again.
     */
    private Kept movedTo(long version, Kept before, Instant at) {
        Optional<CatalogChanges> changes = before.version() == Long.MIN_VALUE ? Optional.empty()
                : catalog.changesSince(before.version());
        if (changes.isPresent()) {
            Map<String, String> keys = before.keys();
            for (CatalogChange change : changes.get().changes()) {
                if (change.entity().isEmpty()) {
                    // By key whatever the kind: a removed group of a service's name only costs that service a
                    // look-up.
                    keys.values().removeIf(change.ref().key()::equals);
                }
            }
            return new Kept(changes.get().version(), at, keys);
        }
        Map<String, String> keys = new ConcurrentHashMap<>();
        for (CatalogEntity service : catalog.services()) {
            if (keys.size() < MOST) {
                keys.put(service.ref().key(), service.ref().key());
            }
        }
        return new Kept(version, at, keys);
    }
}
