package dev.vitals.plugins.deploys.integrations;

import dev.vitals.api.PluginUrls;
import dev.vitals.api.ProblemException;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The secret a webhook call is checked against: the secret of the integration its URL names with
 * {@code ?integration=}, or, when it names none, the secret the environment sets for its kind.
 */
public final class WebhookSecrets {

    private final Integrations integrations;
    private final Map<String, Optional<String>> defaults;
    private final PluginUrls urls;

    /**
     * @param integrations the integrations and their secrets
     * @param defaults per kind ({@code github}, {@code pagerduty}), the environment's secret, if set
     * @param urls the plugin's URLs, to say where an administrator adds an integration
     */
    public WebhookSecrets(Integrations integrations, Map<String, Optional<String>> defaults, PluginUrls urls) {
        this.integrations = integrations;
        this.defaults = Map.copyOf(defaults);
        this.urls = urls;
    }

    /**
     * @param ctx the webhook call
     * @param kind github or pagerduty
     * @return the secret to verify it with; empty when the call names no integration and the environment sets none
     * @throws ProblemException 401 when it names an integration of that kind that does not exist: never a fall-back
     */
    public Optional<String> secretFor(Context ctx, String kind) {
        String name = ctx.queryParam("integration");
        if (name == null) {
            return defaults.getOrDefault(kind, Optional.empty()).filter(s -> !s.isBlank());
        }
        return Optional.of(integrations.secret(kind, name).orElseThrow(() -> new ProblemException(401,
                "no " + kind + " integration " + name + " on this portal; an administrator adds it on "
                        + urls.page("/admin/integrations"), List.of())));
    }

    /** @param kind github or pagerduty @return whether the environment sets a secret for it */
    public boolean hasDefault(String kind) {
        return defaults.getOrDefault(kind, Optional.empty()).filter(s -> !s.isBlank()).isPresent();
    }
}
