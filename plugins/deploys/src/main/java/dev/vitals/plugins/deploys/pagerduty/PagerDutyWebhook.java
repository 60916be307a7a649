package dev.vitals.plugins.deploys.pagerduty;

import dev.vitals.api.BackgroundRefresh;
import dev.vitals.api.Setting;
import dev.vitals.api.WebhookRoute;
import dev.vitals.plugins.deploys.integrations.WebhookSecrets;
import io.javalin.http.Context;

/**
 * {@code POST /webhooks/pagerduty}: PagerDuty V3 incident webhooks, answered without a portal token once their
 * signature matches; see {@link PagerDutySignature}.
 */
public final class PagerDutyWebhook {

    /** {@code VITALS_DEPLOYS_PAGERDUTY_SECRET}: for calls that name no integration. */
    public static final Setting<String> SECRET = Setting.string("pagerduty_secret",
            "The PagerDuty webhook secret for calls without ?integration=; without it those are refused").secret();

    private final WebhookSecrets secrets;
    private final PagerDutyIncidents incidents;
    private final BackgroundRefresh signals;

    public PagerDutyWebhook(WebhookSecrets secrets, PagerDutyIncidents incidents, BackgroundRefresh signals) {
        this.secrets = secrets;
        this.incidents = incidents;
        this.signals = signals;
    }

    /** @return the webhook */
    public WebhookRoute route() {
        return new WebhookRoute("/webhooks/pagerduty", this::receive);
    }

    /** Verifies PagerDuty's signature before anything else is read. */
    private void receive(Context ctx) {
        new PagerDutySignature(secrets.secretFor(ctx, "pagerduty")).verify(ctx.bodyAsBytes(),
                ctx.header("X-PagerDuty-Signature"));
        PagerDutyIncidents.Outcome outcome = incidents.apply(ctx.bodyAsClass(PagerDutyEvent.class));
        signals.request(outcome.services());
        ctx.status(202).json(new PagerDutyAnswer(outcome.outcome()));
    }
}
