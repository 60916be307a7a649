package dev.vitals.plugins.example;

import dev.vitals.api.EntityRef;
import java.time.Instant;

/**
 * A note someone left on a service, as stored and as the API returns it.
 *
 * @param id assigned on insert
 * @param service the service's catalog key, e.g. {@code artist-lookup} ({@link EntityRef#key()})
 * @param author who wrote it
 * @param body the text
 * @param createdAt when
 */
public record Note(long id, String service, String author, String body, Instant createdAt) {

    /** @return the service as a catalog reference, for the catalog, signals and ownership checks */
    public EntityRef serviceRef() {
        return EntityRef.ofKey("component", service);
    }
}
