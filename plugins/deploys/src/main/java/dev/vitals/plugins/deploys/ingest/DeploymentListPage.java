package dev.vitals.plugins.deploys.ingest;

import dev.vitals.api.CatalogView;
import dev.vitals.api.EntityRef;
import dev.vitals.api.Page;
import dev.vitals.api.PageRoute;
import dev.vitals.api.PluginUrls;
import dev.vitals.api.ui.Pager;
import dev.vitals.plugins.deploys.catalog.ServiceRefs;
import dev.vitals.plugins.deploys.view.Templates;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /deployments}: every stored deployment, newest first, of one service, one team or all, in pages of 50. */
public final class DeploymentListPage {

    private static final int PAGE_SIZE = 50;
    private static final int REFUSED_SHOWN = 20;
    private final DeploymentStore deployments;
    private final DeploymentInbox inbox;
    private final CatalogView catalog;
    private final PluginUrls urls;
    private final ZoneId zone;

    /**
     * @param inbox deployments acknowledged and not yet applied, said above the list
     * @param zone the organisation's time zone, in which the page shows times
     */
    public DeploymentListPage(DeploymentStore deployments, DeploymentInbox inbox, CatalogView catalog,
            PluginUrls urls, ZoneId zone) {
        this.deployments = deployments;
        this.inbox = inbox;
        this.catalog = catalog;
        this.urls = urls;
        this.zone = zone;
    }

    /** @return the page's route */
    public PageRoute route() {
        return PageRoute.of("/deployments", this::render);
    }

    private Page render(Context ctx) {
        Optional<String> service = Optional.ofNullable(ctx.queryParam("service")).map(String::trim)
                .filter(s -> !s.isEmpty());
        Optional<String> team = Optional.ofNullable(ctx.queryParam("team")).map(String::trim)
                .filter(s -> !s.isEmpty());
        Optional<List<String>> scope = Optional.empty();
        String what = "all services";
        if (service.isPresent()) {
            scope = Optional.of(List.of(service.get()));
            what = "service " + service.get();
        } else if (team.isPresent()) {
            scope = Optional.of(EntityRef.fromKey("group", team.get())
                    .map(r -> ServiceRefs.keys(catalog.servicesOf(r))).orElse(List.of()));
            what = "team " + team.get();
        }
        int page = 1;
        if (ctx.queryParam("page") != null) {
            page = ctx.queryParamAsClass("page", Integer.class).check(p -> p >= 1 && p <= 100_000, "1 or more").get();
        }
        List<DeploymentRow> rows = deployments.page(scope, (page - 1) * PAGE_SIZE, PAGE_SIZE + 1);
        boolean more = rows.size() > PAGE_SIZE;
        long total = deployments.count(scope);
        Map<String, Object> params = new HashMap<>();
        params.put("urls", urls);
        params.put("rows", more ? rows.subList(0, PAGE_SIZE) : rows);
        params.put("what", what);
        params.put("total", total);
        params.put("pager", Pager.of(ctx, page, PAGE_SIZE, total));
        params.put("zone", zone);
        params.put("waiting", inbox.waiting());
        params.put("refused", inbox.refused(REFUSED_SHOWN));
        params.put("refusedShown", REFUSED_SHOWN);
        return new Page("Deployments of " + what, Templates.render("deployments.jte", params));
    }

}
