package dev.vitals.web.openapi;

import dev.vitals.api.PluginApiVersion;
import dev.vitals.api.Role;
import dev.vitals.api.RouteDoc;
import dev.vitals.core.identity.Scopes;
import dev.vitals.core.pluginhost.PluginHost;
import dev.vitals.web.pages.Layout;
import dev.vitals.web.pages.Templates;
import dev.vitals.web.security.GuardedRoutes;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/openapi.json}, the API description built from the route table when asked (so a plugin's routes come
 * and go with it), and {@code GET /api/docs}, the same rendered for people by Swagger UI from its webjar.
 *
 * <p>Both need a sign-in, as a viewer: the description lists every route of every started plugin, admin routes
 * included, which is a map of the installation that an anonymous caller has no use for, while everyone signed in
 * is a viewer and loses nothing. An API token reads them with {@code catalog:read}, as it reads the home page.
 */
public final class ApiDocs {

    private static final String SWAGGER_UI = "/static/vendor/swagger-ui/"
            + Layout.webjarVersion("org.webjars", "swagger-ui");
    private final ApiDescription description;

    public ApiDocs(PluginHost plugins) {
        this.description = new ApiDescription(plugins);
    }

    public void register(GuardedRoutes routes) {
        routes.get("/api/openapi.json", Role.VIEWER, Scopes.CATALOG_READ,
                RouteDoc.of("Describe this API as an OpenAPI 3.1 document")
                        .description("The portal's routes and those of the plugins started now.")
                        .returns(200, new RouteDoc.Body("application/json", Optional.empty(), Optional.empty())),
                ctx -> ctx.contentType("application/json").result(description.json(routes.rules())));
        routes.get("/api/docs", Role.VIEWER, Scopes.CATALOG_READ,
                RouteDoc.of("Show this API's description to people")
                        .returns(200, RouteDoc.Body.text("text/html", "<!DOCTYPE html>")),
                ctx -> ctx.html(Templates.render("api-docs.jte", Map.of("swaggerUi", SWAGGER_UI,
                        "version", PluginApiVersion.CURRENT))));
    }
}
