package dev.vitals.plugins.slo.pages;

import dev.vitals.api.Page;
import dev.vitals.api.RequestCaller;
import dev.vitals.api.ui.Chart;
import dev.vitals.api.ui.ChartKind;
import dev.vitals.api.ui.ChartSeries;
import dev.vitals.plugins.slo.alerts.AlertLog;
import dev.vitals.plugins.slo.ingest.PullLog;
import dev.vitals.plugins.slo.links.SloLinks;
import dev.vitals.plugins.slo.objectives.Slo;
import dev.vitals.plugins.slo.objectives.SloRepository;
import dev.vitals.plugins.slo.samples.SampleRepository;
import dev.vitals.plugins.slo.samples.TimeRange;
import dev.vitals.plugins.slo.status.ErrorBudget;
import dev.vitals.plugins.slo.status.BurnRateAlert;
import dev.vitals.plugins.slo.status.SloEvaluator;
import dev.vitals.plugins.slo.status.SloStatus;
import dev.vitals.plugins.slo.web.AtParameter;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@code /p/slo/slos/{name}}: one SLO with its burn-down chart, burn rates, alerts and their history, and where its
 * minutes come from; {@code ?range=} picks the chart's span, {@code ?at=} another moment.
 */
public final class DetailPage {

    /** The spans the page offers for its chart. */
    static final List<String> RANGES = List.of("7d", "30d", "90d");

    /** How many points the burn-down chart has, the last at the moment shown. */
    static final int POINTS = 31;

    private final SloRepository slos;
    private final SampleRepository samples;
    private final SloEvaluator evaluator;
    private final AlertLog alerts;
    private final PullLog pulls;
    private final boolean pullConfigured;
    private final SloLinks links;
    private final Clock clock;
    private final ZoneId zone;

    /** @param pullConfigured whether the portal has a Prometheus address to pull minutes from */
    public DetailPage(SloRepository slos, SampleRepository samples, SloEvaluator evaluator, AlertLog alerts,
            PullLog pulls, boolean pullConfigured, SloLinks links, Clock clock, ZoneId zone) {
        this.slos = slos;
        this.samples = samples;
        this.evaluator = evaluator;
        this.alerts = alerts;
        this.pulls = pulls;
        this.pullConfigured = pullConfigured;
        this.links = links;
        this.clock = clock;
        this.zone = zone;
    }

    public Page render(Context ctx) {
        String name = ctx.pathParam("name");
        Optional<Slo> found = slos.find(name);
        if (found.isEmpty()) {
            return Templates.notFound(ctx, "No SLO named '" + name + "'.", links.overview());
        }
        Slo slo = found.get();
        Instant at = AtParameter.of(ctx, clock);
        // List.of(...).contains(null) throws, so an absent parameter is checked first.
        String asked = ctx.queryParam("range");
        String range = asked != null && RANGES.contains(asked) ? asked : "30d";
        SloStatus status = evaluator.status(slo, at);
        Map<String, Object> params = new HashMap<>();
        params.put("links", links);
        params.put("row", SloRow.of(status));
        params.put("chart", burnDown(slo, at, Duration.ofDays(Long.parseLong(range.replace("d", "")))));
        params.put("range", range);
        params.put("ranges", RANGES);
        params.put("at", ctx.queryParam("at") == null ? "" : ctx.queryParam("at"));
        params.put("scalingRule", BurnRateAlert.SCALING_RULE);
        params.put("history", alerts.latest(slo.name(), 20));
        params.put("mayEdit", RequestCaller.of(ctx).mayEdit(slo.subject()));
        params.put("pull", slo.prometheus().isPresent() ? pulls.last(slo.name()) : Optional.empty());
        params.put("pullConfigured", pullConfigured);
        params.put("zone", zone);
        return new Page("SLO " + slo.name(), Templates.render("detail.jte", params));
    }

    /**
     * The error budget left, in %, of the window ending at each of {@value #POINTS} points in time spread evenly over
     * the span up to the moment shown; a point whose window has no data is a gap.
     */
    private Chart burnDown(Slo slo, Instant at, Duration span) {
        List<Instant> times = new ArrayList<>();
        List<TimeRange> ranges = new ArrayList<>();
        for (int i = 0; i < POINTS; i++) {
            Instant t = at.minus(span).plus(span.multipliedBy(i).dividedBy(POINTS - 1));
            times.add(t);
            ranges.add(new TimeRange(slo.window().start(t, zone), t));
        }
        List<OptionalDouble> remaining = samples.counts(slo, ranges).stream()
                .map(c -> ErrorBudget.of(c, slo.objective()).map(b -> OptionalDouble.of(b.remaining() * 100))
                        .orElse(OptionalDouble.empty()))
                .toList();
        return Chart.builder("Error budget left in the " + slo.window().code() + " window ending at each point",
                        ChartKind.LINES)
                .instants("Window ending", times, zone)
                .yAxis("Error budget left", "%")
                .decimals(1)
                .yMax(100)
                .series(new ChartSeries("Budget left", remaining))
                .emptyMessage("No data in this span. Send minute data to POST /api/slo/samples.")
                .build();
    }
}
