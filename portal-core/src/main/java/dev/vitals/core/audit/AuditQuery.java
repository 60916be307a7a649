package dev.vitals.core.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * Which audit entries to show; every filter is optional and they combine.
 *
 * @param actor exactly this person or token
 * @param action actions starting with this, e.g. {@code token.} or {@code plugin.disable}
 * @param subject subjects containing this
 * @param from at or after
 * @param to before
 * @param limit at most this many, newest first
 */
public record AuditQuery(Optional<String> actor, Optional<String> action, Optional<String> subject,
        Optional<Instant> from, Optional<Instant> to, int limit) {
}
