package dev.vitals.plugins.slo.pages;

import dev.vitals.api.CatalogView;
import dev.vitals.api.EntityRef;
import dev.vitals.api.Panel;
import dev.vitals.plugins.slo.alerts.AlertLog;
import dev.vitals.plugins.slo.links.SloLinks;
import dev.vitals.plugins.slo.objectives.Slo;
import dev.vitals.plugins.slo.objectives.SloRepository;
import dev.vitals.plugins.slo.review.MonthlyReview;
import dev.vitals.plugins.slo.samples.SampleRepository;
import dev.vitals.plugins.slo.status.SloEvaluator;
import dev.vitals.plugins.slo.status.SloStatus;
import gg.jte.Content;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SLO panel of a team page: the team's SLOs with their error-budget policy now (each over its own window, as
 * its signal and detail page say), this month so far against last month, with an arrow and the change in percentage
 * points, from the same monthly review the review page shows.
 */
public final class TeamSloPanel {

    /**
     * One SLO of the team.
     *
     * @param now where it stands over its own window, as its signal says
     * @param month this month and the months before, as the monthly review says
     */
    public record Row(SloRow now, MonthlyReview.Line month) {
    }

    private final SloRepository slos;
    private final SloEvaluator evaluator;
    private final SampleRepository samples;
    private final AlertLog alerts;
    private final CatalogView catalog;
    private final SloLinks links;
    private final Clock clock;
    private final ZoneId zone;

    public TeamSloPanel(SloRepository slos, SloEvaluator evaluator, SampleRepository samples, AlertLog alerts,
            CatalogView catalog, SloLinks links, Clock clock, ZoneId zone) {
        this.slos = slos;
        this.evaluator = evaluator;
        this.samples = samples;
        this.alerts = alerts;
        this.catalog = catalog;
        this.links = links;
        this.clock = clock;
        this.zone = zone;
    }

    /** @return the panel */
    public Panel panel() {
        return new Panel("slos", "SLOs", (ctx, team) -> render(team));
    }

    /** @return the SLOs the team answers for: those it is named on and those of the services it owns */
    List<Slo> of(EntityRef team) {
        Set<String> services = catalog.servicesOf(team).stream().map(s -> s.ref().key()).collect(Collectors.toSet());
        return slos.all().stream().filter(s -> s.team().map(team.key()::equals).orElse(false)
                || s.service().map(services::contains).orElse(false)).toList();
    }

    Content render(EntityRef team) {
        List<Slo> owned = of(team);
        Instant now = clock.instant();
        YearMonth month = YearMonth.from(now.atZone(zone));
        Map<String, SloStatus> statuses = evaluator.statuses(owned, now);
        MonthlyReview review = MonthlyReview.of(month, owned, samples, alerts, zone);
        List<Row> rows = new ArrayList<>();
        for (MonthlyReview.Line line : review.lines()) {
            rows.add(new Row(SloRow.of(statuses.get(line.slo().name())), line));
        }
        Map<String, Object> params = new HashMap<>();
        params.put("links", links);
        params.put("team", team.key());
        params.put("rows", rows);
        params.put("month", month.toString());
        params.put("lastMonth", month.minusMonths(1).toString());
        params.put("overview", links.overview(team.key(), "", "", 1));
        return Templates.render("team-panel.jte", params);
    }
}
