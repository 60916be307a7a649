package dev.vitals.plugins.deploys.pagerduty;

import dev.vitals.api.BackgroundRefresh;
import dev.vitals.api.RouteDoc;
import dev.vitals.api.RouteParam;
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

    static final RouteDoc DOC = RouteDoc.of("Receive PagerDuty V3 incident events")
            .description("Called by PagerDuty, not people: X-PagerDuty-Signature must hold v1= and the hex HMAC-SHA256 "
                    + "of the body under the integration's secret (or pagerduty_secret without ?integration=), "
                    + "else 401. incident.triggered starts an incident, incident.resolved resolves it, "
                    + "incident.reopened opens it again; the PagerDuty service maps to the catalog services whose "
                    + "annotation pagerduty.com/service-id names it. PagerDuty's many other fields are ignored.")
            .query(RouteParam.optional("integration", "the integration whose secret signs the call, e.g. "
                    + "recording-pagerduty"))
            .accepts(PagerDutyEvent.class, """
                    {"event": {"id": "01BZYIL05THJDFF2Y08X9SVMTU", "event_type": "incident.triggered",
                               "resource_type": "incident", "occurred_at": "2021-06-04T13:35:29.781Z",
                               "data": {"id": "PFQZPSY", "type": "incident", "number": 9, "status": "triggered",
                                        "title": "Test Incident 3",
                                        "service": {"id": "PA2P440", "summary": "pig208", "type": "service_reference"},
                                        "urgency": "high"}}}""")
            .returns(202, RouteDoc.Body.json(PagerDutyAnswer.class));

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
        return new WebhookRoute("/webhooks/pagerduty", this::receive).doc(DOC);
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
