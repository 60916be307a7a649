package dev.vitals.plugins.slo.pages;

import dev.vitals.api.CatalogView;
import dev.vitals.api.EntityRef;
import dev.vitals.api.Page;
import dev.vitals.api.RequestCaller;
import dev.vitals.api.Role;
import dev.vitals.api.ui.AsOf;
import dev.vitals.api.ui.EntityFilter;
import dev.vitals.api.ui.Pager;
import dev.vitals.plugins.slo.links.SloLinks;
import dev.vitals.plugins.slo.objectives.SloRepository;
import dev.vitals.plugins.slo.review.SloScope;
import dev.vitals.plugins.slo.status.LatestStatuses;
import dev.vitals.plugins.slo.web.QueryParameters;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /p/slo/}: every SLO as of its last evaluation, least budget left first, filtered by team and component and
 * paged in the database, so a request costs the same with 20 or 2,000 SLOs.
 */
public final class OverviewPage {

    static final int PAGE_SIZE = 25;
    /** How many of the latest deletions the page lists: enough to answer "where did my SLO go?". */
    static final int DELETIONS_SHOWN = 5;

    private final SloRepository slos;
    private final CatalogView catalog;
    private final LatestStatuses latest;
    private final SloScope scope;
    private final SloLinks links;
    private final ZoneId zone;

    public OverviewPage(SloRepository slos, LatestStatuses latest, SloScope scope, CatalogView catalog, SloLinks links,
            ZoneId zone) {
        this.slos = slos;
        this.catalog = catalog;
        this.latest = latest;
        this.scope = scope;
        this.links = links;
        this.zone = zone;
    }

    public Page render(Context ctx) {
        EntityFilter teamFilter = EntityFilter.read(ctx, "team", "group");
        if (teamFilter.ref().isPresent() && catalog.entity(teamFilter.ref().get()).isEmpty()
                && !slos.teams().contains(teamFilter.ref().get().key())) {
            teamFilter = teamFilter.unknown("No team '" + teamFilter.value() + "' in the catalog; pick one from the "
                    + "list.");
        }
        // A team that names nothing is pointed out beside its field, and the page shows every SLO meanwhile.
        if (teamFilter.invalid()) {
            ctx.status(400);
        }
        Optional<String> team = teamFilter.ref().map(EntityRef::key);
        Optional<String> component = QueryParameters.key(ctx, "component", "availabilitycomponent");
        String sort = "name".equals(ctx.queryParam("sort")) ? "name" : "budget";
        int page = QueryParameters.wholeNumber(ctx, "page", 1, 1, 1_000_000);
        Set<String> services = component.map(scope::servicesOfComponent).orElse(Set.of());
        LatestStatuses.Order order = "name".equals(sort) ? LatestStatuses.Order.NAME : LatestStatuses.Order.BUDGET;
        LatestStatuses.Page found = latest.page(team, component, services, order, page, PAGE_SIZE);
        int pages = Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        if (page > pages) {
            found = latest.page(team, component, services, order, pages, PAGE_SIZE);
        }
        int shown = Math.min(page, pages);
        // The oldest evaluation on the page is what the page can vouch for.
        Optional<Instant> asOf = found.rows().stream().flatMap(r -> r.evaluatedAt().stream())
                .min(Comparator.naturalOrder());
        String teamKey = team.orElse("");
        String componentKey = component.orElse("");
        Map<String, Object> params = new HashMap<>();
        params.put("links", links);
        params.put("rows", found.rows());
        params.put("total", found.total());
        params.put("anySlo", found.total() > 0 || slos.count() > 0);
        params.put("asOf", asOf.map(a -> AsOf.of(a, zone)));
        params.put("teams", slos.teams());
        params.put("components", slos.components());
        params.put("team", teamKey);
        params.put("teamFilter", teamFilter);
        params.put("component", componentKey);
        params.put("sort", sort);
        params.put("pager", Pager.of(ctx, shown, PAGE_SIZE, found.total()));
        params.put("byBudget", links.overview(teamKey, componentKey, "budget", 1));
        params.put("mayCreate", RequestCaller.of(ctx).has(Role.EDITOR));
        params.put("deletions", slos.deletions(DELETIONS_SHOWN));
        params.put("zone", zone);
        return new Page("SLOs", Templates.render("overview.jte", params));
    }
}
