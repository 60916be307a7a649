package dev.vitals.plugins.deploys.integrations;

import dev.vitals.api.PluginUrls;
import java.time.Instant;
import java.util.Map;
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

    /** @param urls the plugin's URLs @return where the sender posts, below the portal's address */
    public String webhookPath(PluginUrls urls) {
        return PluginUrls.withQuery(urls.api("/webhooks/{kind}", kind), Map.of("integration", name));
    }
}
