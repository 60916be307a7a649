package dev.vitals.web;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.HttpMethod;
import dev.vitals.api.Page;
import dev.vitals.api.PageRoute;
import dev.vitals.api.Role;
import dev.vitals.api.VitalsPlugin;
import java.util.List;
import java.util.Map;

/** A plugin with a route for every role and one with its own scope, for tests of access checks. */
final class GuardedPlugin implements VitalsPlugin {

    @Override
    public List<String> scopes() {
        return List.of("guarded:ingest");
    }

    @Override
    public List<ApiRoute> apiRoutes() {
        return List.of(
                ApiRoute.get("/things", ctx -> ctx.json(Map.of("things", List.of("a")))),
                ApiRoute.post("/things", ctx -> ctx.status(201).json(Map.of("made", true))),
                ApiRoute.put("/ingest", ctx -> ctx.json(Map.of("ingested", true))).scoped("guarded:ingest"),
                new ApiRoute(HttpMethod.DELETE, "/things/{id}", Role.ADMIN, ctx -> ctx.status(204)));
    }

    @Override
    public List<PageRoute> pages() {
        return List.of(PageRoute.of("/", ctx -> new Page("Guarded", output -> output.writeContent("<p>things</p>"))));
    }
}
