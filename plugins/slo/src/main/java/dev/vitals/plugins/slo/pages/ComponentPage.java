package dev.vitals.plugins.slo.pages;

import dev.vitals.api.CatalogView;
import dev.vitals.api.EntityRef;
import dev.vitals.api.Page;
import dev.vitals.plugins.slo.links.SloLinks;
import dev.vitals.plugins.slo.review.SloScope;
import dev.vitals.plugins.slo.status.BudgetPolicy;
import dev.vitals.plugins.slo.status.SloEvaluator;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /p/slo/components/{name}}: the dashboard of one availability component, its verdict rolled up from its own
 * and its services' SLOs.
 */
public final class ComponentPage {

    private final SloScope scope;
    private final SloEvaluator evaluator;
    private final CatalogView catalog;
    private final SloLinks links;
    private final Clock clock;

    public ComponentPage(SloScope scope, SloEvaluator evaluator, CatalogView catalog, SloLinks links, Clock clock) {
        this.scope = scope;
        this.evaluator = evaluator;
        this.catalog = catalog;
        this.links = links;
        this.clock = clock;
    }

    public Page render(Context ctx) {
        String component = ctx.pathParam("name");
        if (EntityRef.fromKey("availabilitycomponent", component).flatMap(catalog::entity).isEmpty()) {
            return Templates.notFound(ctx, "No availability component '" + component + "' in the catalog.",
                    links.overview());
        }
        Instant now = clock.instant();
        List<SloRow> rows = scope.of(Optional.of(component), Optional.empty()).stream()
                .map(s -> SloRow.of(evaluator.status(s, now)))
                .sorted(Comparator.comparingDouble(SloRow::remainingOrMax)).toList();
        BudgetPolicy verdict = BudgetPolicy.worst(rows.stream().map(SloRow::verdict).toList());
        return new Page("Availability component " + component, Templates.render("component.jte", Map.of(
                "links", links, "component", component, "rows", rows, "verdict", verdict)));
    }
}
