package dev.vitals.plugins.deploys.github;

import dev.vitals.api.BackgroundRefresh;
import dev.vitals.api.Setting;
import dev.vitals.api.WebhookRoute;
import dev.vitals.plugins.deploys.ingest.DeploymentStore;
import dev.vitals.plugins.deploys.ingest.IngestResult;
import dev.vitals.plugins.deploys.integrations.WebhookSecrets;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code POST /webhooks/github}: GitHub's {@code deployment}, {@code deployment_status} and {@code ping} events,
 * answered without a portal token once their signature matches; see {@link WebhookSignature}.
 */
public final class GithubWebhook {

    /** {@code VITALS_DEPLOYS_GITHUB_SECRET}: for calls that name no integration. */
    public static final Setting<String> SECRET = Setting.string("github_secret",
            "The GitHub webhook secret for calls without ?integration=; without it those are refused").secret();

    private final WebhookSecrets secrets;
    private final GithubDeployments github;
    private final GithubDeploymentStore created;
    private final DeploymentStore deployments;
    private final BackgroundRefresh signals;
    private final Clock clock;

    public GithubWebhook(WebhookSecrets secrets, GithubDeployments github, GithubDeploymentStore created,
            DeploymentStore deployments, BackgroundRefresh signals, Clock clock) {
        this.secrets = secrets;
        this.github = github;
        this.created = created;
        this.deployments = deployments;
        this.signals = signals;
        this.clock = clock;
    }

    /** @return the webhook */
    public WebhookRoute route() {
        return new WebhookRoute("/webhooks/github", this::receive);
    }

    /** Verifies GitHub's signature before anything else is read. */
    private void receive(Context ctx) {
        new WebhookSignature(secrets.secretFor(ctx, "github")).verify(ctx.bodyAsBytes(),
                ctx.header("X-Hub-Signature-256"));
        String event = Optional.ofNullable(ctx.header("X-GitHub-Event")).orElse("");
        if (event.equals("ping")) {
            ctx.json(new GithubAnswer.Pong(true));
            return;
        }
        if (!event.equals("deployment_status") && !event.equals("deployment")) {
            ctx.status(202).json(new GithubAnswer.Ignored(event,
                    "only deployment and deployment_status events are recorded"));
            return;
        }
        GithubEvent payload = ctx.bodyAsClass(GithubEvent.class);
        if (event.equals("deployment")) {
            Optional<GithubDeployment> made = github.fromDeployment(payload);
            boolean stored = made.map(d -> created.record(d, clock.instant())).orElse(false);
            ctx.status(202).json(new GithubAnswer.Recorded(stored ? 1 : 0, made.isPresent() && !stored ? 1 : 0,
                    Optional.of("a deployment counts once a deployment_status reports its outcome")));
            return;
        }
        IngestResult result = deployments.ingest(github.fromStatus(payload, created::find), "github");
        signals.request(result.services());
        ctx.status(202).json(new GithubAnswer.Recorded(result.stored(), result.unchanged(), Optional.empty()));
    }
}
