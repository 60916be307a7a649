package dev.vitals.plugins.deploys.integrations;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.PluginUrls;
import dev.vitals.api.RequestCaller;
import dev.vitals.api.Role;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;

/** Webhook integrations for scripts, administrators only; a new secret is in the answer once. */
public final class IntegrationsApi {

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
                        .map(i -> IntegrationJson.of(i, urls)).toList()))).requiring(Role.ADMIN),
                ApiRoute.post("/integrations", this::add).requiring(Role.ADMIN),
                ApiRoute.post("/integrations/{name}/rotate", ctx -> ctx.json(IntegrationJson.made(integrations.rotate(
                        ctx.pathParam("name"), caller(ctx), clock.instant()), urls))).requiring(Role.ADMIN),
                ApiRoute.delete("/integrations/{name}", ctx -> {
                    integrations.delete(ctx.pathParam("name"), caller(ctx), clock.instant());
                    ctx.status(204);
                }).requiring(Role.ADMIN));
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
