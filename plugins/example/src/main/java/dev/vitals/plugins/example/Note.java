package dev.vitals.plugins.example;

import java.time.Instant;

/**
 * A note someone left on a service.
 *
 * @param id assigned on insert
 * @param service the catalog key of the service
 * @param author who wrote it
 * @param body the text
 * @param createdAt when
 */
public record Note(long id, String service, String author, String body, Instant createdAt) {
}
