package dev.vitals.plugins.slo.api;

import dev.vitals.api.CatalogView;
import dev.vitals.api.RequestCaller;
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
