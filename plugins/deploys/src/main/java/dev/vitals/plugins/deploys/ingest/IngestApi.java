package dev.vitals.plugins.deploys.ingest;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.BackgroundRefresh;
import dev.vitals.api.RequestCaller;
import dev.vitals.plugins.deploys.catalog.ServiceRefs;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;

/**
 * Where pipelines and incident tools send what happened: {@code POST /events} and {@code POST /incidents}. Both
 * are idempotent, all or nothing, and only for services the caller's team owns.
 */
public final class IngestApi {

    private final EventParser parser;
    private final DeploymentStore deployments;
    private final IncidentStore incidents;
    private final BackgroundRefresh signals;

    /**
     * @param signals recomputes the signals of the services a batch touched, after the answer
     */
    public IngestApi(EventParser parser, DeploymentStore deployments, IncidentStore incidents,
            BackgroundRefresh signals) {
        this.parser = parser;
        this.deployments = deployments;
        this.incidents = incidents;
        this.signals = signals;
    }

    /** @return the ingest routes */
    public List<ApiRoute> routes() {
        return List.of(ApiRoute.post("/events", this::deployments), ApiRoute.post("/incidents", this::incidents));
    }

    private void deployments(Context ctx) {
        List<DeploymentEvent> events = parser.deployments(Arrays.asList(ctx.bodyAsClass(SentDeployment[].class)));
        // A team's pipeline reports its own services only; admins and all-team tokens report any.
        RequestCaller.requireEditorOfAll(ctx, ServiceRefs.refs(events.stream().map(DeploymentEvent::service)
                .toList()));
        IngestResult result = deployments.ingest(events, "api");
        signals.request(result.services());
        ctx.json(IngestAnswer.of(result));
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
