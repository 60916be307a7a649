package dev.vitals.plugins.slo.api;

import dev.vitals.api.RequestCaller;
import dev.vitals.plugins.slo.ingest.SampleBatch;
import dev.vitals.plugins.slo.ingest.SampleOwnership;
import dev.vitals.plugins.slo.ingest.SampleRow;
import dev.vitals.plugins.slo.objectives.Slo;
import dev.vitals.plugins.slo.objectives.SloRepository;
import dev.vitals.plugins.slo.refresh.AfterNewMinutes;
import dev.vitals.plugins.slo.samples.Sample;
import dev.vitals.plugins.slo.samples.SampleRepository;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /samples}: a batch of minutes, all or nothing. It answers once the minutes are stored; the budgets and
 * request measures they change are recomputed after the answer.
 */
public final class SampleApi {

    private final SloRepository slos;
    private final SampleRepository samples;
    private final AfterNewMinutes refresh;
    private final Clock clock;

    public SampleApi(SloRepository slos, SampleRepository samples, AfterNewMinutes refresh, Clock clock) {
        this.slos = slos;
        this.samples = samples;
        this.refresh = refresh;
        this.clock = clock;
    }

    public void ingest(Context ctx) {
        List<SampleRow> rows = Arrays.asList(ctx.bodyAsClass(SampleRow[].class));
        Set<String> names = new LinkedHashSet<>();
        rows.stream().filter(r -> r != null && r.slo() != null).forEach(r -> names.add(r.slo()));
        Map<String, Slo> known = slos.findAll(names);
        SampleOwnership.require(RequestCaller.of(ctx), rows, known);
        List<Sample> valid = SampleBatch.validate(rows, known, clock.instant());
        int added = samples.store(valid);
        if (added > 0) {
            refresh.minutesArrived(valid);
        }
        ctx.json(new IngestResult(rows.size(), added));
    }
}
