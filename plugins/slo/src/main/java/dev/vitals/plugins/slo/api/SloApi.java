package dev.vitals.plugins.slo.api;

import dev.vitals.api.ProblemException;
import dev.vitals.api.RouteDoc;
import dev.vitals.api.RouteParam;
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
import java.time.Instant;

/** The SLO definitions in the API: list, read, create, replace, status and the OpenSLO export of one. */
public final class SloApi {

    public static final RouteDoc LIST = RouteDoc.of("List the SLOs, a page at a time, by name")
            .query(RouteParam.optional("page", "the page, from 1; 1 when absent").ofType(Integer.class),
                    RouteParam.optional("size", "SLOs per page, 1 to 100; 25 when absent").ofType(Integer.class))
            .returns(SloListJson.class);

    public static final RouteDoc CREATE = RouteDoc.of("Define an SLO")
            .description("The SLO belongs to a service or an availability component of the catalog (give exactly "
                    + "one); only editors of the team that owns it may define it. The objective and slice threshold "
                    + "are kept exactly as written, at most 6 decimal places. Answers 201 with the SLO's address in "
                    + "Location, 409 when the name is taken (change it with PUT), 422 naming every field at fault. "
                    + "With `prometheus` queries the minutes are pulled rather than sent to /samples.")
            .accepts(SloInput.class, """
                    {"name": "checkout-availability", "service": "billing-api", "objective": 0.999,
                     "window": "30d", "method": "occurrences", "description": "Checkouts answered without a 5xx"}""")
            .returns(201, RouteDoc.Body.json(SloJson.class));

    public static final RouteDoc GET = RouteDoc.of("Read one SLO's definition").returns(SloJson.class);

    public static final RouteDoc REPLACE = RouteDoc.of("Change an SLO, or define it under this name")
            .description("Answers 200 when it replaced the SLO, 201 when it defined a new one. The name is the "
                    + "URL's: a body naming another is a 422, since an SLO cannot be renamed. The caller must edit "
                    + "for the team that owns the SLO, and, when it moves to another service or component, for "
                    + "that one's team too.")
            .accepts(SloInput.class, """
                    {"component": "playback", "objective": 0.99, "window": "28d", "method": "timeslices",
                     "sliceThreshold": 300, "description": "Minutes whose p99 segment latency is at most 300 ms",
                     "prometheus": {"value": "histogram_quantile(0.99, sum by (le) (rate(segment_ms_bucket[1m])))"}}""")
            .returns(SloJson.class);

    public static final RouteDoc DELETE = RouteDoc.of("Delete an SLO with its minute data and alert history")
            .description("Only editors of the team that owns the SLO may delete it. The deletion is logged with who "
                    + "did it and what the SLO was (the overview lists the latest); what it counted towards is judged "
                    + "again without it. Answers 204, or 404 when there is no SLO of that name.")
            .returnsNothing(204);

    public static final RouteDoc STATUS = RouteDoc.of("Evaluate an SLO: attainment, error budget, burn rates, alerts")
            .description("Over the SLO's window ending at `at`. Figures without data are null, never zero; "
                    + "`burnRates` is keyed by window (5m, 30m, 1h, 2h, 6h, 1d, 3d).")
            .query(RouteParam.optional("at", "the moment to evaluate at, e.g. 2026-11-01T10:00:00Z; now when "
                    + "absent").ofType(Instant.class))
            .returns(StatusJson.class);

    public static final RouteDoc OPENSLO = RouteDoc.of("Export an SLO as an OpenSLO v1 document")
            .description("The document imports back unchanged through /import.")
            .returns(200, RouteDoc.Body.text("application/yaml", """
                    apiVersion: openslo/v1
                    kind: SLO
                    metadata:
                      name: recorder-api-availability
                    spec:
                      description: "Recording requests answered without a 5xx"
                      service: recorder-api
                      indicator:
                        metadata:
                          name: recorder-api-availability-sli
                        spec:
                          ratioMetric:
                            counter: true
                            good:
                              metricSource:
                                type: Vitals
                                spec:
                                  series: good
                            total:
                              metricSource:
                                type: Vitals
                                spec:
                                  series: total
                      timeWindow:
                        - duration: 30d
                          isRolling: true
                      budgetingMethod: Occurrences
                      objectives:
                        - target: 0.999
                    """));

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

    /** {@code DELETE /slos/{name}}: 204 once deleted and logged. */
    public void delete(Context ctx) {
        definitions.delete(ctx, ctx.pathParam("name"));
        ctx.status(204);
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
