package dev.vitals.plugins.deploys.gate;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.CatalogEntity;
import dev.vitals.api.CatalogView;
import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.api.RequestCaller;
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
                ApiRoute.get("/gate", this::decide),
                ApiRoute.get("/freezes", ctx -> ctx.json(new FreezeWindowList(freezes.all().stream()
                        .map(FreezeWindowJson::of).toList()))),
                ApiRoute.post("/freezes", ctx -> ctx.status(201).json(FreezeWindowJson.of(freezes.create(
                        ctx.bodyAsClass(SentFreezeWindow.class), RequestCaller.of(ctx), clock.instant())))),
                ApiRoute.delete("/freezes/{id}", ctx -> {
                    freezes.delete(id(ctx), RequestCaller.of(ctx), clock.instant());
                    ctx.status(204);
                }),
                ApiRoute.get("/break-glass", ctx -> ctx.json(new BreakGlassList(breakGlass.latest(0, 100).stream()
                        .map(r -> BreakGlassJson.of(r, clock.instant())).toList()))),
                ApiRoute.post("/break-glass", ctx -> ctx.status(201).json(BreakGlassJson.of(breakGlass.request(
                        ctx.bodyAsClass(SentBreakGlassRequest.class), RequestCaller.of(ctx), clock.instant()),
                        clock.instant()))),
                ApiRoute.post("/break-glass/{id}/approve", ctx -> ctx.json(BreakGlassJson.of(breakGlass.approve(
                        id(ctx), RequestCaller.of(ctx), clock.instant()), clock.instant()))));
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
