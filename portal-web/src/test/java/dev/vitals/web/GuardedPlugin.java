package dev.vitals.web;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.HttpMethod;
import dev.vitals.api.Page;
import dev.vitals.api.PageRoute;
import dev.vitals.api.PluginContext;
import dev.vitals.api.ProblemException;
import dev.vitals.api.Role;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.VitalsPlugin;
import dev.vitals.api.WebhookRoute;
import java.util.List;
import java.util.Map;

/** A plugin with a route for every role, one with its own scope and a webhook, for tests of access checks. */
final class GuardedPlugin implements VitalsPlugin {

    @Override
    public List<String> scopes() {
        return List.of("guarded:ingest");
    }

    @Override
    public RunningPlugin create(PluginContext context) {
        return new RunningPlugin() {
            @Override
            public List<ApiRoute> apiRoutes() {
                return List.of(
                        ApiRoute.get("/things", ctx -> ctx.json(Map.of("things", List.of("a")))),
                        ApiRoute.post("/things", ctx -> ctx.status(201).json(Map.of("made", true))),
                        ApiRoute.put("/ingest", ctx -> ctx.json(Map.of("ingested", true))).scoped("guarded:ingest"),
                        new ApiRoute(HttpMethod.DELETE, "/things/{id}", Role.ADMIN, ctx -> ctx.status(204)));
            }

            /** Verifies its caller the simplest way, standing in for a signature check. */
            @Override
            public List<WebhookRoute> webhooks() {
                return List.of(new WebhookRoute("/hook", ctx -> {
                    if (!"good".equals(ctx.header("X-Test-Signature"))) {
                        throw new ProblemException(401, "bad signature", List.of());
                    }
                    ctx.json(Map.of("accepted", true));
                }));
            }

            @Override
            public List<PageRoute> pages() {
                return List.of(PageRoute.of("/", ctx -> new Page("Guarded",
                        output -> output.writeContent("<p>things</p>"))));
            }
        };
    }
}
