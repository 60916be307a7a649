package dev.vitals.plugins.deploys.gate;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.CatalogEntity;
import dev.vitals.api.CatalogView;
import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.api.RequestCaller;
import dev.vitals.api.RouteDoc;
import dev.vitals.api.RouteParam;
import dev.vitals.plugins.deploys.catalog.ServiceRefs;
import dev.vitals.plugins.deploys.ingest.EnvironmentNames;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The deploy gate's API: the decision a pipeline asks for, freeze windows, and break-glass requests. Every change
 * is checked against the team that owns what it changes.
 */
public final class GateApi {

    static final RouteDoc DECIDE = RouteDoc.of("Ask whether a service may deploy now")
            .description("For a pipeline's step before it deploys: closed by a freeze window, by a spent error "
                    + "budget (the SLO plugin's verdict, unless gate_error_budget is ignore), open again while an "
                    + "approved break-glass request lasts. Every rule's verdict is in `reasons`.")
            .query(RouteParam.required("service", "the service's catalog key, e.g. recorder-api"),
                    RouteParam.optional("environment", "where it deploys to; production when absent"))
            .returns(GateAnswer.class);

    static final RouteDoc FREEZES = RouteDoc.of("List the freeze windows").returns(FreezeWindowList.class);

    static final RouteDoc FREEZE = RouteDoc.of("Add a freeze window")
            .description("Kinds: `weekends`; `weekdays` from fromDay to toDay; a yearly `holiday` on date (MM-DD); "
                    + "`once` from startsAt to endsAt (a time with offset, or a local time in the organisation's "
                    + "zone). A window for a service belongs to its team, a team's to that team: an editor of that "
                    + "team adds it; a window for everyone only an administrator.")
            .accepts(SentFreezeWindow.class, """
                    {"name": "Year-end freeze", "kind": "once", "team": "recording",
                     "startsAt": "2026-12-20T00:00:00+01:00", "endsAt": "2027-01-04T00:00:00+01:00"}""")
            .returns(201, RouteDoc.Body.json(FreezeWindowJson.class));

    static final RouteDoc UNFREEZE = RouteDoc.of("Remove a freeze window")
            .description("Whoever may add the window may remove it.")
            .returnsNothing(204);

    static final RouteDoc REQUESTS = RouteDoc.of("List the latest break-glass requests, newest first")
            .description("At most 100, each with its state: waiting, open, expired or closed.")
            .returns(BreakGlassList.class);

    static final RouteDoc REQUEST = RouteDoc.of("Ask to open a service's closed gate")
            .description("An editor of the service's team asks, with a reason; the request waits for a second "
                    + "person's approval for break_glass_request_hours and then expires.")
            .accepts(SentBreakGlassRequest.class, """
                    {"service": "recorder-api", "reason": "Hotfix for INC-1234: uploads fail for every user"}""")
            .returns(201, RouteDoc.Body.json(BreakGlassJson.class));

    static final RouteDoc APPROVE = RouteDoc.of("Approve a break-glass request, opening the gate")
            .description("Takes no body. An editor of the service's team other than the requester approves (a "
                    + "token counts as the person who made it); the gate is open for break_glass_open_minutes.")
            .returns(BreakGlassJson.class);

    private final DeployGate gate;
    private final FreezeWindows freezes;
    private final BreakGlass breakGlass;
    private final CatalogView catalog;
    private final Clock clock;

    public GateApi(DeployGate gate, FreezeWindows freezes, BreakGlass breakGlass, CatalogView catalog, Clock clock) {
        this.gate = gate;
        this.freezes = freezes;
        this.breakGlass = breakGlass;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** @return the gate's routes */
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/gate", this::decide).doc(DECIDE),
                ApiRoute.get("/freezes", ctx -> ctx.json(new FreezeWindowList(freezes.all().stream()
                        .map(FreezeWindowJson::of).toList()))).doc(FREEZES),
                ApiRoute.post("/freezes", ctx -> ctx.status(201).json(FreezeWindowJson.of(freezes.create(
                        ctx.bodyAsClass(SentFreezeWindow.class), RequestCaller.of(ctx), clock.instant()))))
                        .doc(FREEZE),
                ApiRoute.delete("/freezes/{id}", ctx -> {
                    freezes.delete(id(ctx), RequestCaller.of(ctx), clock.instant());
                    ctx.status(204);
                }).doc(UNFREEZE),
                ApiRoute.get("/break-glass", ctx -> ctx.json(new BreakGlassList(breakGlass.latest(0, 100).stream()
                        .map(r -> BreakGlassJson.of(r, clock.instant())).toList()))).doc(REQUESTS),
                ApiRoute.post("/break-glass", ctx -> ctx.status(201).json(BreakGlassJson.of(breakGlass.request(
                        ctx.bodyAsClass(SentBreakGlassRequest.class), RequestCaller.of(ctx), clock.instant()),
                        clock.instant()))).doc(REQUEST),
                ApiRoute.post("/break-glass/{id}/approve", ctx -> ctx.json(BreakGlassJson.of(breakGlass.approve(
                        id(ctx), RequestCaller.of(ctx), clock.instant()), clock.instant()))).doc(APPROVE));
    }

    private void decide(Context ctx) {
        String service = ctx.queryParam("service");
        if (service == null || service.isBlank()) {
            throw ProblemException.unprocessable("say which service is about to deploy",
                    List.of(new FieldError("service", "is required, e.g. ?service=recorder-api")));
        }
        CatalogEntity entity = ServiceRefs.service(catalog, service)
                .orElseThrow(() -> ProblemException.notFound("no service " + service + " in the catalog"));
        String environment = Optional.ofNullable(ctx.queryParam("environment")).filter(e -> !e.isBlank())
                .orElse(EnvironmentNames.PRODUCTION);
        GateDecision decision = gate.decide(entity, environment, clock.instant());
        ctx.json(new GateAnswer(decision.allowed(), decision.reasons(), entity.ref().key(), environment));
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("no such id: " + ctx.pathParam("id"));
        }
    }
}
