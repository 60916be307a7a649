package dev.vitals.plugins.deploys.ingest;

import dev.vitals.api.CatalogView;
import dev.vitals.api.EntityRef;
import dev.vitals.api.Page;
import dev.vitals.api.PageRoute;
import dev.vitals.api.PluginUrls;
import dev.vitals.plugins.deploys.catalog.ServiceRefs;
import dev.vitals.plugins.deploys.view.Templates;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /deployments}: every stored deployment, newest first, of one service, one team or all, in pages of 50. */
public final class DeploymentListPage {

    private static final int PAGE_SIZE = 50;
    private final DeploymentStore deployments;
    private final CatalogView catalog;
    private final PluginUrls urls;

    public DeploymentListPage(DeploymentStore deployments, CatalogView catalog, PluginUrls urls) {
        this.deployments = deployments;
        this.catalog = catalog;
        this.urls = urls;
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
        Map<String, String> filter = new LinkedHashMap<>();
        if (service.isPresent()) {
            scope = Optional.of(List.of(service.get()));
            what = "service " + service.get();
            filter.put("service", service.get());
        } else if (team.isPresent()) {
            scope = Optional.of(EntityRef.fromKey("group", team.get())
                    .map(r -> ServiceRefs.keys(catalog.servicesOf(r))).orElse(List.of()));
            what = "team " + team.get();
            filter.put("team", team.get());
        }
        int page = 1;
        if (ctx.queryParam("page") != null) {
            page = ctx.queryParamAsClass("page", Integer.class).check(p -> p >= 1 && p <= 100_000, "1 or more").get();
        }
        List<DeploymentRow> rows = deployments.page(scope, (page - 1) * PAGE_SIZE, PAGE_SIZE + 1);
        boolean more = rows.size() > PAGE_SIZE;
        Map<String, Object> params = new HashMap<>();
        params.put("urls", urls);
        params.put("rows", more ? rows.subList(0, PAGE_SIZE) : rows);
        params.put("what", what);
        params.put("page", page);
        params.put("newer", page > 1 ? pageUrl(filter, page - 1) : "");
        params.put("older", more ? pageUrl(filter, page + 1) : "");
        params.put("total", deployments.count(scope));
        return new Page("Deployments of " + what, Templates.render("deployments.jte", params));
    }

    private String pageUrl(Map<String, String> filter, int page) {
        Map<String, Object> query = new LinkedHashMap<>(filter);
        query.put("page", page);
        return PluginUrls.withQuery(urls.page("/deployments"), query);
    }
}
