package dev.vitals.plugins.deploys.github;

import dev.vitals.api.BackgroundRefresh;
import dev.vitals.api.RouteDoc;
import dev.vitals.api.RouteParam;
import dev.vitals.api.Setting;
import dev.vitals.api.WebhookRoute;
import dev.vitals.plugins.deploys.dora.DoraSignals;
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

    static final RouteDoc DOC = RouteDoc.of("Receive GitHub's deployment and deployment_status events")
            .description("Called by GitHub, not people: X-Hub-Signature-256 must be sha256= and the hex "
                    + "HMAC-SHA256 of the body under the integration's secret (or github_secret without "
                    + "?integration=), else 401. "
                    + "X-GitHub-Event says what came: `ping` answers 200 {\"pong\": true}; `deployment` is noted "
                    + "and counts once a `deployment_status` reports its outcome; other events answer 202 with "
                    + "{\"ignored\", \"reason\"}. The repository maps to the services whose catalog annotation "
                    + "github.com/project-slug names it. GitHub's many other fields are ignored.")
            .query(RouteParam.optional("integration", "the integration whose secret signs the call, e.g. "
                    + "recording-github"))
            .accepts(GithubEvent.class, """
                    {"action": "created",
                     "deployment_status": {"id": 209916254, "state": "success", "environment": "production",
                                           "created_at": "2019-05-15T15:20:55Z"},
                     "deployment": {"id": 145988746, "sha": "f95f852bd8fca8fcc58a9a2d6c842781e32a215e",
                                    "ref": "master", "task": "deploy", "environment": "production",
                                    "creator": {"login": "Codertocat"}, "created_at": "2019-05-15T15:20:53Z"},
                     "repository": {"id": 186853002, "full_name": "Codertocat/Hello-World"},
                     "sender": {"login": "Codertocat"}}""")
            .returns(202, RouteDoc.Body.json(GithubAnswer.Recorded.class));

    private final WebhookSecrets secrets;
    private final GithubDeployments github;
    private final GithubDeploymentStore created;
    private final DeploymentStore deployments;
    private final BackgroundRefresh signals;
    private final DoraSignals verdicts;
    private final Clock clock;

    public GithubWebhook(WebhookSecrets secrets, GithubDeployments github, GithubDeploymentStore created,
            DeploymentStore deployments, BackgroundRefresh signals, DoraSignals verdicts, Clock clock) {
        this.secrets = secrets;
        this.github = github;
        this.created = created;
        this.deployments = deployments;
        this.signals = signals;
        this.verdicts = verdicts;
        this.clock = clock;
    }

    /** @return the webhook */
    public WebhookRoute route() {
        return new WebhookRoute("/webhooks/github", this::receive).doc(DOC);
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
        signals.request(verdicts.mayMove(result.changedThrough()));
        ctx.status(202).json(new GithubAnswer.Recorded(result.stored(), result.unchanged(), Optional.empty()));
    }
}
