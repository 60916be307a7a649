package dev.vitals.plugins.deploys.integrations;

import java.time.Instant;
import java.util.Optional;

/**
 * A webhook sender with its own secret.
 *
 * @param name lower-case key, part of the webhook URL
 * @param kind {@code github} or {@code pagerduty}
 * @param createdBy who added it
 * @param createdAt when
 * @param rotatedAt when its secret was last replaced, if ever
 */
public record Integration(String name, String kind, String createdBy, Instant createdAt, Optional<Instant> rotatedAt) {

    /** @return where the sender posts, below the portal's address */
    public String webhookPath() {
        return "/api/deploys/webhooks/" + kind + "?integration=" + name;
    }
}
