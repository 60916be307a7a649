package dev.vitals.plugins.slo.pages;

import dev.vitals.api.EntityRef;
import dev.vitals.api.Panel;
import dev.vitals.plugins.slo.alerts.AlertLog;
import dev.vitals.plugins.slo.links.SloLinks;
import dev.vitals.plugins.slo.review.MonthlyReview;
import dev.vitals.plugins.slo.review.ReviewComponent;
import dev.vitals.plugins.slo.review.SloScope;
import dev.vitals.plugins.slo.samples.SampleRepository;
import gg.jte.Content;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SLO panel of a program page: this month's outcome per availability component in the program's scope, met or
 * missed so far, with the budget each SLO used, from the very review the monthly review page shows, so the program page
 * and the review cannot tell two stories about one component and one month.
 */
public final class ProgramSloPanel {

    private final SloScope scope;
    private final SampleRepository samples;
    private final AlertLog alerts;
    private final SloLinks links;
    private final Clock clock;
    private final ZoneId zone;

    public ProgramSloPanel(SloScope scope, SampleRepository samples, AlertLog alerts, SloLinks links, Clock clock,
            ZoneId zone) {
        this.scope = scope;
        this.samples = samples;
        this.alerts = alerts;
        this.links = links;
        this.clock = clock;
        this.zone = zone;
    }

    /** @return the panel */
    public Panel panel() {
        return new Panel("slos", "SLOs this month", (ctx, program) -> render(program));
    }

    Content render(EntityRef program) {
        String key = program.key();
        YearMonth month = YearMonth.from(clock.instant().atZone(zone));
        MonthlyReview review = MonthlyReview.of(month, scope.of(Optional.empty(), Optional.of(key)), samples,
                alerts, zone);
        List<ReviewComponent> components = ReviewComponent.ofProgram(key, review, scope);
        Map<String, Object> params = new HashMap<>();
        params.put("links", links);
        params.put("program", key);
        params.put("month", month.toString());
        params.put("window", MonthlyReview.windowOf(month, month));
        params.put("components", components);
        params.put("review", links.review("", key, month.toString()));
        return Templates.render("program-panel.jte", params);
    }
}
