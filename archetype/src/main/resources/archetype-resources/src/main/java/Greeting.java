package ${package};

import java.time.Instant;

/**
 * A greeting left on a service, as stored and as the API returns it.
 *
 * @param id assigned on insert
 * @param service the service's catalog key, e.g. {@code artist-lookup}
 * @param author who left it
 * @param message the text
 * @param createdAt when
 */
public record Greeting(long id, String service, String author, String message, Instant createdAt) {
}
