package dev.vitals.plugins.deploys.integrations;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vitals.api.PluginUrls;
import java.time.Instant;
import java.util.Optional;

/**
 * An integration as the API shows it; with its secret only in the answer that made the secret.
 *
 * @param name its name
 * @param kind github or pagerduty
 * @param webhook where the sender posts
 * @param createdBy who added it
 * @param createdAt when
 * @param rotatedAt when its secret was last replaced
 * @param secret the new secret, in the answer to adding or rotating only
 */
public record IntegrationJson(String name, String kind, String webhook, String createdBy, Instant createdAt,
        Optional<Instant> rotatedAt, @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> secret) {

    static IntegrationJson of(Integration i, PluginUrls urls) {
        return new IntegrationJson(i.name(), i.kind(), i.webhookPath(urls), i.createdBy(), i.createdAt(),
                i.rotatedAt(), Optional.empty());
    }

    static IntegrationJson made(Integrations.NewSecret made, PluginUrls urls) {
        Integration i = made.integration();
        return new IntegrationJson(i.name(), i.kind(), i.webhookPath(urls), i.createdBy(), i.createdAt(),
                i.rotatedAt(), Optional.of(made.secret()));
    }
}
