package dev.vitals.plugins.deploys.ingest;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.BackgroundRefresh;
import dev.vitals.api.RequestCaller;
import dev.vitals.api.RouteDoc;
import dev.vitals.plugins.deploys.catalog.ServiceRefs;
import dev.vitals.plugins.deploys.dora.DoraSignals;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;

/**
 * Where pipelines and incident tools send what happened: {@code POST /events} and {@code POST /incidents}. Both
 * are idempotent, all or nothing, and only for services the caller's team owns.
 */
public final class IngestApi implements AutoCloseable {

    static final RouteDoc EVENTS = RouteDoc.of("Record deployments")
            .description("A JSON array of deployments, stored whole or not at all: a deployment is keyed by its "
                    + "id, so a replay changes nothing (counted as unchanged) and the same id with other values is "
                    + "a 409; a mistake in any element is a 422 naming it (`[1].finishedAt`), a finish more than 5 "
                    + "minutes after the portal's clock among them. An array of one deployment is answered 202 with "
                    + "`queued: 1` once it is safely recorded, and applied to the lists and reports moments later "
                    + "(`GET /inbox` shows what waits); longer arrays are applied before the 200 answer. "
                    + "Environments named in the production_aliases setting (prod, prd, live) count as production. "
                    + "Only editors of the team owning every service in the batch may send it (admins and all-team "
                    + "tokens: any).")
            .accepts(SentDeployment[].class, """
                    [{"id": "deploy-4711", "service": "recorder-api", "environment": "production",
                      "status": "success", "startedAt": "2026-11-03T14:02:11Z", "finishedAt": "2026-11-03T14:09:47Z",
                      "version": "2.41.0", "pipeline": "service-pipeline",
                      "commits": [{"sha": "f95f852bd8fca8fcc58a9a2d6c842781e32a215e",
                                   "committedAt": "2026-11-03T09:15:30+01:00"}]},
                     {"id": "deploy-4712", "service": "recorder-api", "environment": "prod",
                      "status": "rolled_back", "startedAt": "2026-11-03T16:20:00Z",
                      "finishedAt": "2026-11-03T16:31:05Z"}]""")
            .returns(IngestAnswer.class)
            .alsoReturns(202, "An array of one new deployment: recorded (`queued: 1`), applied to the lists and "
                    + "reports moments later");

    static final RouteDoc INCIDENTS = RouteDoc.of("Record incidents")
            .description("One incident, or a JSON array of them as shown, stored whole or not at all. An incident "
                    + "is keyed by its id: sending it again unchanged changes nothing, sending it with its "
                    + "resolvedAt resolves it, and other changes are a 409. A startedAt or resolvedAt more than 5 "
                    + "minutes after the portal's clock is a 422. Only editors of the team owning every service "
                    + "named may send it, since an incident counts against its service's failure rate.")
            .accepts(SentIncident[].class, """
                    [{"id": "INC-1234", "service": "recorder-api", "startedAt": "2026-11-03T16:05:00Z",
                      "resolvedAt": "2026-11-03T17:40:00Z", "severity": "sev2", "deployment": "deploy-4712"}]""")
            .returns(IngestAnswer.class);

    static final RouteDoc INBOX = RouteDoc.of("Deployments acknowledged, not yet applied")
            .description("How many deployments sent alone wait to be applied (normally none for more than a moment; "
                    + "a number that stays up means the database refuses the applier's writes), and those that "
                    + "could not be applied with the reason, oldest first, at most 100: an id another sender stored "
                    + "with other content in the moment between the check and the insert.")
            .returns(InboxAnswer.class);
    private static final int REFUSED_SHOWN = 100;

    private final EventParser parser;
    private final DeploymentStore deployments;
    private final IncidentStore incidents;
    private final BackgroundRefresh signals;
    private final DoraSignals verdicts;
    private final GroupCommit together;
    private final InboxApplier applier;
    private final DeploymentInbox inbox;

    /**
     * @param signals recomputes the signals of the services a batch touched, after the answer
     * @param verdicts which of those services' verdicts the batch can move
     * @param inbox where a deployment sent alone is acknowledged
     * @param applier applies what the inbox acknowledged
     */
    public IngestApi(EventParser parser, DeploymentStore deployments, DeploymentInbox inbox, InboxApplier applier,
            IncidentStore incidents, BackgroundRefresh signals, DoraSignals verdicts) {
        this.parser = parser;
        this.deployments = deployments;
        this.incidents = incidents;
        this.signals = signals;
        this.verdicts = verdicts;
        this.inbox = inbox;
        this.applier = applier;
        this.together = new GroupCommit(inbox);
    }

    /** Answers the deployments still queued and stops the writers that accept them together, then the applier. */
    @Override
    public void close() {
        together.close();
        applier.close();
    }

    /** @return the ingest routes */
    public List<ApiRoute> routes() {
        return List.of(ApiRoute.post("/events", this::deployments).doc(EVENTS),
                ApiRoute.post("/incidents", this::incidents).doc(INCIDENTS),
                ApiRoute.get("/inbox", this::waiting).doc(INBOX));
    }

    private void deployments(Context ctx) {
        List<DeploymentEvent> events = parser.deployments(Arrays.asList(ctx.bodyAsClass(SentDeployment[].class)));
        // A team's pipeline reports its own services only; admins and all-team tokens report any.
        RequestCaller.requireEditorOfAll(ctx, ServiceRefs.refs(events.stream().map(DeploymentEvent::service)
                .toList()));
        if (events.size() == 1) {
            // Pipelines sending one deployment per request are many at once: theirs are acknowledged together, and
            // applied together moments later, where applying each alone cost several times its acknowledgement.
            boolean queued = together.accept(events.get(0), "api");
            if (queued) {
                applier.request();
            }
            ctx.status(queued ? 202 : 200).json(IngestAnswer.alone(queued));
            return;
        }
        IngestResult result = deployments.ingest(events, "api");
        signals.request(verdicts.mayMove(result.changedThrough()));
        ctx.json(IngestAnswer.of(result));
    }

    private void waiting(Context ctx) {
        ctx.json(new InboxAnswer(inbox.waiting(), inbox.refused(REFUSED_SHOWN)));
    }

    private void incidents(Context ctx) {
        // One incident or an array of them: the first character of the body says which.
        boolean many = ctx.body().stripLeading().startsWith("[");
        List<SentIncident> sent = many ? Arrays.asList(ctx.bodyAsClass(SentIncident[].class))
                : List.of(ctx.bodyAsClass(SentIncident.class));
        List<IncidentEvent> events = parser.incidents(sent, !many);
        // An incident counts against its service's failure rate, so only the owning team reports it.
        RequestCaller.requireEditorOfAll(ctx, ServiceRefs.refs(events.stream().map(IncidentEvent::service)
                .toList()));
        IngestResult result = incidents.ingest(events, "api");
        signals.request(result.services());
        ctx.json(IngestAnswer.of(result));
    }
}
