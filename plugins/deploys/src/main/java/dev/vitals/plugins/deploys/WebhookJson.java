package dev.vitals.plugins.deploys;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * Lenient reading of webhook payloads (GitHub, PagerDuty): their shapes vary by event and version, so a missing or
 * odd field reads as empty instead of failing the whole delivery.
 */
public final class WebhookJson {

    private WebhookJson() {
    }

    public static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> m ? m : Map.of();
    }

    public static String text(Object value) {
        return value == null ? "" : value.toString().trim();
    }

    public static Optional<Instant> instant(Object value) {
        try {
            return value == null ? Optional.empty() : Optional.of(OffsetDateTime.parse(value.toString()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
