package dev.vitals.plugins.slo.api;

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
                scope.of(QueryParameters.text(ctx, "component"), QueryParameters.text(ctx, "program")), samples,
                alerts, zone);
        ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"slo-review.csv\"")
                .result(review.csv());
    }
}
