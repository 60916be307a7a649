package dev.vitals.plugins.slo.api;

import dev.vitals.api.CatalogView;
import dev.vitals.api.RequestCaller;
import dev.vitals.api.RouteDoc;
import dev.vitals.api.RouteParam;
import dev.vitals.plugins.slo.objectives.Slo;
import dev.vitals.plugins.slo.objectives.SloRepository;
import dev.vitals.plugins.slo.openslo.OpenSloImport;
import dev.vitals.plugins.slo.refresh.AfterNewMinutes;
import dev.vitals.plugins.slo.web.QueryParameters;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code POST /import}: an OpenSLO v1 or Sloth file, taken whole or refused whole with every reason. */
public final class ImportApi {

    public static final RouteDoc IMPORT = RouteDoc.of("Import SLOs from an OpenSLO v1 or Sloth file")
            .description("The YAML file is taken whole or refused whole: 422 with every reason, named by document "
                    + "and field; 403 unless the caller edits for the owner of every SLO in it and of every SLO it "
                    + "replaces. OpenSLO `SLO` documents (inline indicator or an `indicatorRef` to an `SLI` of the "
                    + "same file) and Sloth `prometheus/v1` specs are read; alert policies, services and data "
                    + "sources are passed over with a note.")
            .query(RouteParam.optional("service", "import into this catalog service rather than the one the file "
                            + "names, e.g. search-api"),
                    RouteParam.optional("component", "import into this availability component rather than what the "
                            + "file names, e.g. playback"))
            .accepts(RouteDoc.Body.text("application/yaml", """
                    apiVersion: openslo/v1
                    kind: SLO
                    metadata:
                      name: search-api-availability
                    spec:
                      description: Searches answered without a 5xx
                      service: search-api
                      indicator:
                        metadata:
                          name: search-api-requests
                        spec:
                          ratioMetric:
                            counter: true
                            good:
                              metricSource:
                                type: Prometheus
                                spec:
                                  query: http_requests_total{job="search-api",code!~"5.."}
                            total:
                              metricSource:
                                type: Prometheus
                                spec:
                                  query: http_requests_total{job="search-api"}
                      timeWindow: [{duration: 30d, isRolling: true}]
                      budgetingMethod: Occurrences
                      objectives: [{target: 0.999}]
                    """))
            .returns(ImportResult.class);

    private final SloRepository slos;
    private final CatalogView catalog;
    private final AfterNewMinutes refresh;
    private final Clock clock;

    public ImportApi(SloRepository slos, CatalogView catalog, AfterNewMinutes refresh, Clock clock) {
        this.slos = slos;
        this.catalog = catalog;
        this.refresh = refresh;
        this.clock = clock;
    }

    public void importFile(Context ctx) {
        OpenSloImport.Result result = new OpenSloImport(catalog, clock.instant(),
                QueryParameters.text(ctx, "service"), QueryParameters.text(ctx, "component")).read(ctx.body());
        List<String> names = result.slos().stream().map(Slo::name).toList();
        // The same ownership rule as one SLO at a time: every owner named, and every owner replaced.
        Map<String, Slo> replaced = slos.findAll(names);
        for (Slo slo : result.slos()) {
            RequestCaller.requireEditorOf(ctx, slo.subject());
            Optional.ofNullable(replaced.get(slo.name()))
                    .ifPresent(old -> RequestCaller.requireEditorOf(ctx, old.subject()));
        }
        slos.upsertAll(result.slos());
        refresh.definitionsSaved(names);
        ctx.json(new ImportResult(result.slos().stream().map(SloJson::of).toList(), result.notes()));
    }
}
