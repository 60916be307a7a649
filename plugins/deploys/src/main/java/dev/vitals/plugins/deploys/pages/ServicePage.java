package dev.vitals.plugins.deploys.pages;

import dev.vitals.api.CatalogEntity;
import dev.vitals.api.CatalogView;
import dev.vitals.api.Page;
import dev.vitals.api.PageRoute;
import dev.vitals.api.PluginUrls;
import dev.vitals.plugins.deploys.catalog.ServiceRefs;
import dev.vitals.plugins.deploys.dora.DoraCard;
import dev.vitals.plugins.deploys.dora.Period;
import dev.vitals.plugins.deploys.view.DeployCharts;
import dev.vitals.plugins.deploys.view.Templates;
import io.javalin.http.Context;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /services/{service}}: one service's keys per month, its weekly deploys, release mode and gate. */
final class ServicePage {

    private static final int WEEKS = 26;
    private final ServiceView view;
    private final CatalogView catalog;

    ServicePage(ServiceView view, CatalogView catalog) {
        this.view = view;
        this.catalog = catalog;
    }

    PageRoute route() {
        return PageRoute.of("/services/{service}", this::render);
    }

    private Page render(Context ctx) {
        String name = ctx.pathParam("service");
        Optional<CatalogEntity> found = ServiceRefs.service(catalog, name);
        PluginUrls urls = view.urls();
        if (found.isEmpty()) {
            ctx.status(404);
            return new Page("No such service", Templates.render("not-found.jte", Map.of("urls", urls,
                    "service", name)));
        }
        CatalogEntity service = found.get();
        String key = service.ref().key();
        List<String> scope = List.of(key);
        List<DoraCard> months = new ArrayList<>();
        YearMonth current = YearMonth.from(view.clock().today());
        for (int i = 5; i >= 0; i--) {
            YearMonth month = current.minusMonths(i);
            months.add(new DoraCard(month + (i == 0 ? " (month to date)" : ""), "", view.dora().report(Optional.of(scope),
                    new Period(month.atDay(1), month.plusMonths(1).atDay(1), view.clock().zone()))));
        }
        Map<String, Object> params = view.params(service, PluginUrls.entity(service.ref()));
        params.put("servicePage", PluginUrls.entity(service.ref()));
        params.put("months", months);
        Period weeks = view.clock().lastWeeks(WEEKS);
        params.put("chart", DeployCharts.weeklyDeploys("Production deploys of " + key + " per ISO week, last " + WEEKS
                + " weeks", weeks.weekStarts(), view.dora().weeklyDeployments(Optional.of(scope), weeks)));
        return new Page("Deploys of " + key, Templates.render("service.jte", params));
    }
}
