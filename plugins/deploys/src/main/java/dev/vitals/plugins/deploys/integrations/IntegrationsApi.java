package dev.vitals.plugins.deploys.integrations;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.PluginUrls;
import dev.vitals.api.RequestCaller;
import dev.vitals.api.Role;
import dev.vitals.api.RouteDoc;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;

/** Webhook integrations for scripts, administrators only; a new secret is in the answer once. */
public final class IntegrationsApi {

    static final RouteDoc LIST = RouteDoc.of("List the webhook integrations, by name")
            .description("Without their secrets.")
            .returns(IntegrationList.class);

    static final RouteDoc ADD = RouteDoc.of("Add a webhook integration with a new secret")
            .description("The answer holds the secret, once: give it to GitHub or PagerDuty with the `webhook` "
                    + "address. The sender then calls that address, which names the integration.")
            .accepts(SentIntegration.class, """
                    {"name": "recording-github", "kind": "github"}""")
            .returns(201, RouteDoc.Body.json(IntegrationJson.class));

    static final RouteDoc ROTATE = RouteDoc.of("Replace an integration's secret")
            .description("Takes no body. The answer holds the new secret, once; the old one stops working at once.")
            .returns(IntegrationJson.class);

    static final RouteDoc DELETE = RouteDoc.of("Remove an integration")
            .description("Calls naming it are refused from then on.")
            .returnsNothing(204);

    private final Integrations integrations;
    private final Clock clock;
    private final PluginUrls urls;

    public IntegrationsApi(Integrations integrations, Clock clock, PluginUrls urls) {
        this.integrations = integrations;
        this.clock = clock;
        this.urls = urls;
    }

    /** @return the routes */
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/integrations", ctx -> ctx.json(new IntegrationList(integrations.all().stream()
                        .map(i -> IntegrationJson.of(i, urls)).toList()))).requiring(Role.ADMIN).doc(LIST),
                ApiRoute.post("/integrations", this::add).requiring(Role.ADMIN).doc(ADD),
                ApiRoute.post("/integrations/{name}/rotate", ctx -> ctx.json(IntegrationJson.made(integrations.rotate(
                        ctx.pathParam("name"), caller(ctx), clock.instant()), urls))).requiring(Role.ADMIN)
                        .doc(ROTATE),
                ApiRoute.delete("/integrations/{name}", ctx -> {
                    integrations.delete(ctx.pathParam("name"), caller(ctx), clock.instant());
                    ctx.status(204);
                }).requiring(Role.ADMIN).doc(DELETE));
    }

    private void add(Context ctx) {
        SentIntegration body = ctx.bodyAsClass(SentIntegration.class);
        ctx.status(201).json(IntegrationJson.made(integrations.add(body.name(), body.kind(), caller(ctx),
                clock.instant()), urls));
    }

    private static String caller(Context ctx) {
        return RequestCaller.of(ctx).name();
    }
}
