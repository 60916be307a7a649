package dev.vitals.plugins.deploys.integrations;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Lenient reading of values in third-party webhook payloads (GitHub, PagerDuty): their shapes vary by event and
 * version, so a missing or odd value reads as empty instead of failing the whole delivery.
 */
public final class WebhookValues {

    private WebhookValues() {
    }

    /** @param value text the sender sent, possibly {@code null} @return it trimmed, empty when absent or blank */
    public static Optional<String> text(String value) {
        return Optional.ofNullable(value).map(String::trim).filter(s -> !s.isEmpty());
    }

    /** @param value a time the sender sent, ISO-8601 with offset @return it, empty when absent or unreadable */
    public static Optional<Instant> instant(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(OffsetDateTime.parse(value.trim()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
