package dev.vitals.plugins.deploys.integrations;

import dev.vitals.api.Page;
import dev.vitals.api.PageRoute;
import dev.vitals.api.PluginUrls;
import dev.vitals.api.RequestCaller;
import dev.vitals.api.Role;
import dev.vitals.api.ui.Flash;
import dev.vitals.plugins.deploys.view.Templates;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /admin/integrations}: the same as {@link IntegrationsApi} as plain forms, for administrators. A new secret
 * is shown once, through a one-time token, so it never sits in a URL or the browser's history of a page.
 */
public final class IntegrationsPage {

    private final Integrations integrations;
    private final WebhookSecrets secrets;
    private final Clock clock;
    private final PluginUrls urls;
    private final ZoneId zone;

    /** @param zone the organisation's time zone, in which the page shows times */
    public IntegrationsPage(Integrations integrations, WebhookSecrets secrets, Clock clock, PluginUrls urls,
            ZoneId zone) {
        this.integrations = integrations;
        this.secrets = secrets;
        this.clock = clock;
        this.urls = urls;
        this.zone = zone;
    }

    /** @return the page and its forms */
    public List<PageRoute> routes() {
        return List.of(
                new PageRoute("/admin/integrations", Role.ADMIN, ctx -> new Page("Webhook integrations",
                        Templates.render("integrations.jte", params(ctx)))),
                PageRoute.form("/admin/integrations", ctx -> showOnce(ctx, integrations.add(ctx.formParam("name"),
                        ctx.formParam("kind"), RequestCaller.of(ctx).name(), clock.instant())))
                        .requiring(Role.ADMIN),
                PageRoute.form("/admin/integrations/{name}/rotate", ctx -> showOnce(ctx, integrations.rotate(
                        ctx.pathParam("name"), RequestCaller.of(ctx).name(), clock.instant()))).requiring(Role.ADMIN),
                PageRoute.form("/admin/integrations/{name}/delete", this::delete).requiring(Role.ADMIN));
    }

    private Page showOnce(Context ctx, Integrations.NewSecret made) {
        Flash.confirm(ctx, "Integration " + made.integration().name() + " saved with a new secret: copy it now, "
                + "it is shown once.");
        return Page.seeOther(ctx, PluginUrls.withQuery(urls.page("/admin/integrations"),
                Map.of("reveal", integrations.revealOnce(made.integration().name(), clock.instant()))));
    }

    private Page delete(Context ctx) {
        integrations.delete(ctx.pathParam("name"), RequestCaller.of(ctx).name(), clock.instant());
        Flash.confirm(ctx, "Integration " + ctx.pathParam("name") + " deleted; its webhooks are refused from now on.");
        return Page.seeOther(ctx, urls.page("/admin/integrations"));
    }

    private Map<String, Object> params(Context ctx) {
        Optional<Integrations.NewSecret> revealed = Optional.ofNullable(ctx.queryParam("reveal"))
                .flatMap(token -> integrations.reveal(token, clock.instant()));
        Map<String, Object> params = new HashMap<>();
        params.put("urls", urls);
        params.put("integrations", integrations.all());
        params.put("log", integrations.log(50));
        params.put("revealed", revealed);
        params.put("caller", RequestCaller.of(ctx));
        params.put("zone", zone);
        params.put("envGithub", secrets.hasDefault("github"));
        params.put("envPagerDuty", secrets.hasDefault("pagerduty"));
        return params;
    }
}
