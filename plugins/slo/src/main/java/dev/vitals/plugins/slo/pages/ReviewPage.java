package dev.vitals.plugins.slo.pages;

import dev.vitals.api.CatalogView;
import dev.vitals.api.FieldError;
import dev.vitals.api.Page;
import dev.vitals.api.ProblemException;
import dev.vitals.api.RequestCaller;
import dev.vitals.api.Role;
import dev.vitals.plugins.slo.alerts.AlertLog;
import dev.vitals.plugins.slo.links.SloLinks;
import dev.vitals.plugins.slo.objectives.SloRepository;
import dev.vitals.plugins.slo.review.MonthlyReview;
import dev.vitals.plugins.slo.review.ReviewComponent;
import dev.vitals.plugins.slo.review.SloScope;
import dev.vitals.plugins.slo.samples.SampleRepository;
import dev.vitals.plugins.slo.web.QueryParameters;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code /p/slo/review?component=&program=&month=}: the printable monthly review of a component, a program or every
 * SLO; a program's lists each of its availability components with how many of its SLOs met or missed the month.
 * It opens on the current month (month to date); a month that is no month shows the page again with the field marked.
 */
public final class ReviewPage {

    private final SloScope scope;
    private final SloRepository slos;
    private final SampleRepository samples;
    private final AlertLog alerts;
    private final CatalogView catalog;
    private final SloLinks links;
    private final Clock clock;
    private final ZoneId zone;

    public ReviewPage(SloScope scope, SloRepository slos, SampleRepository samples, AlertLog alerts,
            CatalogView catalog, SloLinks links, Clock clock, ZoneId zone) {
        this.scope = scope;
        this.slos = slos;
        this.samples = samples;
        this.alerts = alerts;
        this.catalog = catalog;
        this.links = links;
        this.clock = clock;
        this.zone = zone;
    }

    public Page render(Context ctx) {
        Optional<String> component = QueryParameters.key(ctx, "component", "availabilitycomponent");
        Optional<String> program = QueryParameters.key(ctx, "program", "program");
        YearMonth current = YearMonth.from(clock.instant().atZone(zone));
        YearMonth month;
        Optional<FieldError> monthError = Optional.empty();
        try {
            month = QueryParameters.month(ctx, clock, zone);
        } catch (ProblemException e) {
            // A hand-typed month is a typo to point at, not a dead end: the page again, the field marked.
            ctx.status(e.status());
            monthError = e.errors().stream().findFirst();
            month = current;
        }
        MonthlyReview review = MonthlyReview.of(month, scope.of(component, program), samples, alerts, zone);
        Map<String, Object> params = new HashMap<>();
        params.put("links", links);
        params.put("review", review);
        params.put("component", component.orElse(""));
        params.put("program", program.orElse(""));
        Set<String> components = catalog.entities("AvailabilityComponent").stream()
                .map(c -> c.ref().key()).collect(Collectors.toCollection(TreeSet::new));
        components.addAll(slos.components());
        params.put("components", components);
        params.put("programs", catalog.entities("Program").stream().map(c -> c.ref().key()).toList());
        params.put("programComponents", program.map(p -> ReviewComponent.ofProgram(p, review, scope)).orElse(List.of()));
        params.put("mayCreate", RequestCaller.of(ctx).has(Role.EDITOR));
        params.put("monthError", monthError.map(FieldError::reason).orElse(""));
        params.put("typedMonth", QueryParameters.text(ctx, "month").orElse(month.toString()));
        params.put("window", MonthlyReview.windowOf(month, current));
        params.put("csv", links.reviewCsv(component.orElse(""), program.orElse(""), month.toString()));
        return new Page("Monthly SLO review " + month, Templates.render("review.jte", params));
    }
}
