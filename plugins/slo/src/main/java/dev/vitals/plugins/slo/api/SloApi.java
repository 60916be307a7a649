package dev.vitals.plugins.slo.api;

import dev.vitals.api.ProblemException;
import dev.vitals.plugins.slo.links.SloLinks;
import dev.vitals.plugins.slo.objectives.Slo;
import dev.vitals.plugins.slo.objectives.SloDefinitions;
import dev.vitals.plugins.slo.objectives.SloInput;
import dev.vitals.plugins.slo.objectives.SloRepository;
import dev.vitals.plugins.slo.openslo.OpenSloExport;
import dev.vitals.plugins.slo.status.SloEvaluator;
import dev.vitals.plugins.slo.web.AtParameter;
import dev.vitals.plugins.slo.web.QueryParameters;
import io.javalin.http.Context;
import java.time.Clock;

/** The SLO definitions in the API: list, read, create, replace, status and the OpenSLO export of one. */
public final class SloApi {

    private final SloRepository slos;
    private final SloDefinitions definitions;
    private final SloEvaluator evaluator;
    private final SloLinks links;
    private final Clock clock;

    public SloApi(SloRepository slos, SloDefinitions definitions, SloEvaluator evaluator, SloLinks links,
            Clock clock) {
        this.slos = slos;
        this.definitions = definitions;
        this.evaluator = evaluator;
        this.links = links;
        this.clock = clock;
    }

    /** {@code GET /slos}: a page of every SLO by name, {@code ?page=} from 1, {@code ?size=} 1 to 100. */
    public void list(Context ctx) {
        int page = QueryParameters.wholeNumber(ctx, "page", 1, 1, 1_000_000);
        int size = QueryParameters.wholeNumber(ctx, "size", 25, 1, 100);
        ctx.json(new SloListJson(slos.page(page, size).stream().map(SloJson::of).toList(), slos.count(), page,
                size));
    }

    /** {@code GET /slos/{name}}. */
    public void get(Context ctx) {
        ctx.json(SloJson.of(existing(ctx)));
    }

    /** {@code POST /slos}: 201 with its address, 409 when the name is taken. */
    public void create(Context ctx) {
        Slo slo = definitions.create(ctx, ctx.bodyAsClass(SloInput.class));
        ctx.status(201).header("Location", links.sloApi(slo.name())).json(SloJson.of(slo));
    }

    /** {@code PUT /slos/{name}}: 200 when it replaced one, 201 when it created it. */
    public void replace(Context ctx) {
        SloDefinitions.Saved saved = definitions.replace(ctx, ctx.pathParam("name"), ctx.bodyAsClass(SloInput.class));
        ctx.status(saved.created() ? 201 : 200).json(SloJson.of(saved.slo()));
    }

    /** {@code GET /slos/{name}/status?at=}: now unless {@code at} names another moment. */
    public void status(Context ctx) {
        Slo slo = existing(ctx);
        ctx.json(StatusJson.of(evaluator.status(slo, AtParameter.of(ctx, clock))));
    }

    /** {@code GET /slos/{name}/openslo}: the SLO as an OpenSLO v1 document. */
    public void openSlo(Context ctx) {
        ctx.contentType("application/yaml; charset=utf-8").result(OpenSloExport.yaml(existing(ctx)));
    }

    private Slo existing(Context ctx) {
        String name = ctx.pathParam("name");
        return slos.find(name).orElseThrow(() -> ProblemException.notFound("no SLO named '" + name + "'"));
    }
}
