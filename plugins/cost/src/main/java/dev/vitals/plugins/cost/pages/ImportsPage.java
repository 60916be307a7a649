package dev.vitals.plugins.cost.pages;

import dev.vitals.api.Page;
import dev.vitals.api.PluginUrls;
import dev.vitals.api.ui.Pager;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /p/cost/imports}: every import with its rows, the rows still stored, and per invoice the billed cost (what
 * the invoice shows) next to the effective cost (what trends use), to reconcile with the invoices.
 */
public final class ImportsPage {

    /** Imports per page. */
    static final int SIZE = 20;

    private final ImportPages imports;
    private final PluginUrls urls;
    private final ZoneId zone;

    ImportsPage(ImportPages imports, PluginUrls urls, ZoneId zone) {
        this.imports = imports;
        this.urls = urls;
        this.zone = zone;
    }

    public Page render(Context ctx) {
        FieldProblem.Reading<Integer> page = FieldProblem.wholeNumber(
                Optional.ofNullable(ctx.queryParam(Pager.PARAMETER)), Pager.PARAMETER, 1, Integer.MAX_VALUE / SIZE);
        int shown = page.value().orElse(1);
        long total = imports.count();
        Map<String, Object> params = new HashMap<>();
        params.put("imports", imports.page(shown, SIZE));
        params.put("pager", Pager.of(urls.page("/imports"), page.problem().isPresent() ? Map.of()
                : ctx.queryParamMap(), shown, SIZE, total));
        params.put("problem", page.problem());
        params.put("zone", zone);
        params.put("overviewUrl", urls.page("/"));
        params.put("pageUrl", urls.page("/imports"));
        params.put("importApi", urls.api("/imports"));
        return new Page("Cost imports", Templates.render("imports.jte", params));
    }
}
