package dev.vitals.plugins.slo.api;

import dev.vitals.api.RequestCaller;
import dev.vitals.api.RouteDoc;
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

    public static final RouteDoc INGEST = RouteDoc.of("Send minutes of SLO data")
            .description("A JSON array: `good` and `total` per minute for occurrences SLOs, `value` for timeslices "
                    + "(a minute is good when value ≤ sliceThreshold). The batch is stored whole or not at all: a "
                    + "replay adds nothing (`added` 0), other numbers for a stored minute are a 409, and good > "
                    + "total, negative numbers, a minute off the minute boundary or more than 5 minutes ahead, or an "
                    + "unknown SLO are a 422 naming the row and field (`[3].minute`). Every SLO of the batch must "
                    + "belong to a team the caller edits (admins and all-team tokens: any); one that does not "
                    + "refuses the batch with 403. Budgets and measures are recomputed after the answer.")
            .accepts(SampleRow[].class, """
                    [{"slo": "recorder-api-availability", "minute": "2026-11-01T10:00:00Z",
                      "good": 1996, "total": 2000},
                     {"slo": "recorder-api-availability", "minute": "2026-11-01T10:01:00Z",
                      "good": 2000, "total": 2000},
                     {"slo": "stream-edge-latency", "minute": "2026-11-01T10:00:00Z", "value": 212.5}]""")
            .returns(IngestResult.class);

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
