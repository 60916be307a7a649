package dev.vitals.plugins.deploys.gate;

import dev.vitals.api.CatalogEntity;
import dev.vitals.api.CatalogView;
import dev.vitals.api.Page;
import dev.vitals.api.PageRoute;
import dev.vitals.api.PluginUrls;
import dev.vitals.api.ProblemException;
import dev.vitals.api.RequestCaller;
import dev.vitals.api.ui.Flash;
import dev.vitals.plugins.deploys.catalog.ServiceRefs;
import dev.vitals.plugins.deploys.dora.OrgClock;
import dev.vitals.plugins.deploys.view.Templates;
import gg.jte.Content;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Break-glass in the browser: the section of a service's Deploys tab that explains the two-person rule, lists the
 * service's requests with an approve button for a second person, and asks for a new one; and the two form routes
 * behind it, which take the same path as the API ({@link BreakGlass}), so the rule and the gate log are the same.
 * A saved request or approval goes back to the tab with a confirmation; a refused one shows the section again with
 * the reason.
 */
public final class BreakGlassForms {

    /** How many of a service's requests the section lists. */
    static final int SHOWN = 10;

    private final BreakGlass breakGlass;
    private final CatalogView catalog;
    private final OrgClock clock;
    private final PluginUrls urls;

    public BreakGlassForms(BreakGlass breakGlass, CatalogView catalog, OrgClock clock, PluginUrls urls) {
        this.breakGlass = breakGlass;
        this.catalog = catalog;
        this.clock = clock;
        this.urls = urls;
    }

    /** @return the two form routes */
    public List<PageRoute> routes() {
        return List.of(PageRoute.form("/services/{service}/break-glass", this::request),
                PageRoute.form("/break-glass/{id}/approve", this::approve));
    }

    /** @return the section for a service's Deploys tab, or for the page that shows a refusal */
    public Content section(Context ctx, String service, Optional<String> refusal, String reason) {
        RequestCaller caller = RequestCaller.of(ctx);
        Map<String, Object> params = new HashMap<>();
        params.put("urls", urls);
        params.put("ctx", ctx);
        params.put("service", service);
        params.put("requests", breakGlass.ofService(service, SHOWN));
        params.put("now", clock.now());
        params.put("zone", clock.zone());
        params.put("mayEdit", caller.mayEdit(ServiceRefs.ref(service)));
        params.put("person", caller.person());
        params.put("refusal", refusal.orElse(""));
        params.put("reason", reason);
        params.put("waitHours", breakGlass.requestLifetime().toHours());
        params.put("openMinutes", breakGlass.openFor().toMinutes());
        return Templates.render("break-glass-section.jte", params);
    }

    /** @return the Deploys tab of the service, where the section sits */
    String tab(String service) {
        return PluginUrls.entity(ServiceRefs.ref(service)) + "?tab=deploys.deploys";
    }

    private Page request(Context ctx) {
        Optional<CatalogEntity> found = ServiceRefs.service(catalog, ctx.pathParam("service"));
        if (found.isEmpty()) {
            ctx.status(404);
            return new Page("No such service", Templates.render("not-found.jte", Map.of("urls", urls,
                    "service", ctx.pathParam("service"))));
        }
        String service = found.get().ref().key();
        String reason = Optional.ofNullable(ctx.formParam("reason")).orElse("");
        try {
            BreakGlassRequest made = breakGlass.request(new SentBreakGlassRequest(service, reason),
                    RequestCaller.of(ctx), clock.now());
            Flash.confirm(ctx, "Break-glass request " + made.id() + " for " + service + " made. A second editor of "
                    + "its team must approve it within " + breakGlass.requestLifetime().toHours() + " h.");
            return Page.seeOther(ctx, tab(service));
        } catch (ProblemException e) {
            return refused(ctx, service, e, reason);
        }
    }

    private Page approve(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("no break-glass request " + ctx.pathParam("id"));
        }
        BreakGlassRequest request = breakGlass.find(id).orElseThrow(() -> ProblemException.notFound(
                "no break-glass request " + id));
        try {
            BreakGlassRequest approved = breakGlass.approve(id, RequestCaller.of(ctx), clock.now());
            Flash.confirm(ctx, "Break-glass request " + id + " approved: the deploy gate of " + approved.service()
                    + " is open for " + breakGlass.openFor().toMinutes() + " min.");
            return Page.seeOther(ctx, tab(approved.service()));
        } catch (ProblemException e) {
            return refused(ctx, request.service(), e, "");
        }
    }

    private Page refused(Context ctx, String service, ProblemException e, String reason) {
        ctx.status(e.status());
        String why = e.errors().isEmpty() ? e.getMessage() : e.getMessage() + ": " + String.join("; ",
                e.errors().stream().map(f -> f.field() + " " + f.reason()).toList());
        return new Page("Break-glass for " + service, Templates.render("break-glass-refused.jte", Map.of(
                "section", section(ctx, service, Optional.of(why), reason), "tab", tab(service),
                "service", service)));
    }
}
