package dev.vitals.plugins.slo.api;

import dev.vitals.api.RouteDoc;
import dev.vitals.api.RouteParam;
import dev.vitals.plugins.slo.alerts.AlertLog;
import dev.vitals.plugins.slo.review.MonthlyReview;
import dev.vitals.plugins.slo.review.SloScope;
import dev.vitals.plugins.slo.samples.SampleRepository;
import dev.vitals.plugins.slo.web.QueryParameters;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.ZoneId;

/** {@code GET /review.csv?component=&program=&month=}: the monthly review as CSV, one line per SLO and month. */
public final class ReviewCsv {

    public static final RouteDoc DOWNLOAD = RouteDoc.of("Download the monthly SLO review as CSV")
            .description("One line per SLO and month: the month asked for and the three before it, newest first; "
                    + "without component or program, every SLO.")
            .query(RouteParam.optional("month", "the month, e.g. 2026-10; the current month (to date) in the "
                            + "organisation's time zone when absent"),
                    RouteParam.optional("component", "only the SLOs an availability component stands for, e.g. "
                            + "playback"),
                    RouteParam.optional("program", "only the SLOs of a program's services and components, e.g. "
                            + "availability"))
            .returns(200, RouteDoc.Body.text("text/csv", """
                    slo,owner,team,objective,month,attainment,compliance,budget_used,alerts_fired
                    recorder-api-availability,recorder-api,recording,0.999,2026-10,0.999412,met,0.588000,1
                    recorder-api-availability,recorder-api,recording,0.999,2026-09,0.998730,missed,1.270000,3
                    recorder-api-availability,recorder-api,recording,0.999,2026-08,0.999851,met,0.149000,0
                    recorder-api-availability,recorder-api,recording,0.999,2026-07,,no data,,0
                    """));

    private final SloScope scope;
    private final SampleRepository samples;
    private final AlertLog alerts;
    private final Clock clock;
    private final ZoneId zone;

    public ReviewCsv(SloScope scope, SampleRepository samples, AlertLog alerts, Clock clock, ZoneId zone) {
        this.scope = scope;
        this.samples = samples;
        this.alerts = alerts;
        this.clock = clock;
        this.zone = zone;
    }

    public void download(Context ctx) {
        MonthlyReview review = MonthlyReview.of(QueryParameters.month(ctx, clock, zone),
                scope.of(QueryParameters.key(ctx, "component", "availabilitycomponent"),
                        QueryParameters.key(ctx, "program", "program")), samples,
                alerts, zone);
        ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"slo-review.csv\"")
                .result(review.csv());
    }
}
