package dev.vitals.web;

import dev.vitals.api.HttpMethod;
import dev.vitals.api.Role;
import dev.vitals.core.Vitals;
import dev.vitals.core.config.VitalsConfig;
import dev.vitals.core.identity.Scopes;
import dev.vitals.core.pluginhost.PluginSource;
import dev.vitals.web.admin.AuditAdminApi;
import dev.vitals.web.admin.AdminPages;
import dev.vitals.web.admin.PluginAdminApi;
import dev.vitals.web.catalog.CatalogApi;
import dev.vitals.web.catalog.CatalogPages;
import dev.vitals.web.home.HealthGrid;
import dev.vitals.web.input.FormBodies;
import dev.vitals.web.input.JsonBodies;
import dev.vitals.web.signals.SignalsApi;
import dev.vitals.web.admin.RolesAdmin;
import dev.vitals.web.admin.SessionsAdmin;
import dev.vitals.web.admin.TokenAdminApi;
import dev.vitals.web.health.HealthRoutes;
import dev.vitals.web.metrics.HttpMetrics;
import dev.vitals.web.openapi.ApiDocs;
import dev.vitals.web.pages.Layout;
import dev.vitals.web.pluginroutes.PluginRoutes;
import dev.vitals.web.problem.ProblemResponses;
import dev.vitals.web.security.AdminToken;
import dev.vitals.web.security.Authentication;
import dev.vitals.web.security.CrossSiteGuard;
import dev.vitals.web.security.GuardedRoutes;
import dev.vitals.web.security.SecurityHeaders;
import dev.vitals.web.security.SignInPages;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** The portal: the host core with its web face. The route table is {@link #configure}, top to bottom. */
public final class PortalServer implements AutoCloseable {

    private final Vitals vitals;
    private final Javalin app;
    private final AdminToken adminToken;
    private final GuardedRoutes routes;
    private final List<String> registered;

    private PortalServer(Vitals vitals, Javalin app, AdminToken adminToken, GuardedRoutes routes,
            List<String> registered) {
        this.vitals = vitals;
        this.app = app;
        this.adminToken = adminToken;
        this.routes = routes;
        this.registered = registered;
    }

    public static PortalServer start(VitalsConfig config, PluginSource plugins, Vitals.Options options) {
        HttpMetrics metrics = new HttpMetrics();
        // Plugins start before the portal's routes exist; the whole check replaces this one in PluginRoutes.register.
        Vitals vitals = Vitals.start(config, plugins, metrics.registry(), options,
                PluginRoutes.beforeThePortalsRoutes());
        try {
            AdminToken adminToken = AdminToken.load(config.adminToken(), config.dataDir());
            AtomicReference<GuardedRoutes> table = new AtomicReference<>();
            List<String> registered = new ArrayList<>();
            Javalin app = Javalin.create(javalin -> {
                javalin.events.handlerAdded(info -> {
                    if (info.getHttpMethod().isHttpMethod() && info.getHttpMethod() != HandlerType.HEAD) {
                        registered.add(info.getHttpMethod().name() + " " + info.getPath());
                    }
                });
                table.set(configure(javalin, config, vitals, metrics, adminToken, options));
            });
            app.start(config.port());
            vitals.serving();
            return new PortalServer(vitals, app, adminToken, table.get(), registered);
        } catch (RuntimeException e) {
            vitals.close();
            throw e;
        }
    }

    private static GuardedRoutes configure(JavalinConfig javalin, VitalsConfig config, Vitals vitals,
            HttpMetrics metrics, AdminToken adminToken, Vitals.Options options) {
        javalin.startup.showJavalinBanner = false;
        javalin.http.maxRequestSize = config.maxRequestBytes();
        javalin.jsonMapper(new JsonBodies());
        // A JSON route reads only a body that says it is JSON: text/plain or a form is refused, not guessed at.
        javalin.http.strictContentTypes = true;
        javalin.staticFiles.add(files -> {
            files.hostedPath = "/static";
            files.directory = "/public";
            files.location = Location.CLASSPATH;
        });
        // Browser libraries from webjars, under /static so they load on the sign-in page too; the path is versioned.
        javalin.staticFiles.add(files -> {
            files.hostedPath = "/static/vendor";
            files.directory = "/META-INF/resources/webjars";
            files.location = Location.CLASSPATH;
        });

        Authentication authentication = new Authentication(vitals.identity(), adminToken);
        CrossSiteGuard crossSite = new CrossSiteGuard(config.identity().publicUrl());
        Layout layout = new Layout(vitals.plugins());
        GuardedRoutes routes = new GuardedRoutes(javalin.routes);

        javalin.routes.before(metrics::before);
        javalin.routes.before(SecurityHeaders::apply);
        javalin.routes.before(layout::attach);
        javalin.routes.before(authentication::identify);
        javalin.routes.before(authentication::exposeToPlugins);
        javalin.routes.before(crossSite::check);
        javalin.routes.before(routes::requireSignIn);
        javalin.routes.before(JsonBodies::requireUtf8);
        javalin.routes.before(FormBodies::requireText);
        javalin.routes.after(metrics::after);

        new SignInPages(authentication, layout).register(routes);
        routes.get("/", Role.VIEWER, Scopes.CATALOG_READ, new HealthGrid(vitals, layout)::render);
        new CatalogPages(vitals, layout).register(routes);
        new AdminPages(vitals, layout).register(routes);
        new HealthRoutes(vitals).register(routes);
        new CatalogApi(vitals).register(routes);
        new SignalsApi(vitals.signals()).register(routes);
        // Prometheus scrapes without credentials; the figures are about the process, not about anyone's data.
        routes.open(HttpMethod.GET, "/metrics", metrics::scrape);
        // Browsers and feed readers ask for /favicon.ico without reading the page; pages link the SVG itself.
        routes.open(HttpMethod.GET, "/favicon.ico", ctx -> ctx.redirect(Layout.FAVICON, HttpStatus.MOVED_PERMANENTLY));
        new PluginAdminApi(vitals.plugins()).register(routes);
        new TokenAdminApi(vitals.identity().tokens(), vitals.plugins(), options.clock()).register(routes);
        new RolesAdmin(vitals.identity().grants(), vitals.identity().people(), vitals.config().orgTimeZone(),
                layout).register(routes);
        new SessionsAdmin(vitals.identity().sessions(), vitals.identity().people()).register(routes);
        new AuditAdminApi(vitals.audit(), vitals.config().orgTimeZone(), layout).register(routes);
        new ApiDocs(vitals.plugins()).register(routes);
        new PluginRoutes(vitals.plugins(), layout, javalin.router).register(routes);
        ProblemResponses.register(javalin.routes);
        return routes;
    }

    public int port() {
        return app.port();
    }

    public Vitals vitals() {
        return vitals;
    }

    public AdminToken adminToken() {
        return adminToken;
    }

    /** Every route served now with who may call it: the portal's own, then those of the started plugins. */
    public List<GuardedRoutes.Rule> routes() {
        return routes.rules();
    }

    /**
     * Every HTTP route Javalin holds, as {@code METHOD path}: a route that is neither in {@link #routes()} nor one of
     * the {@link #pluginPrefixes()} is unguarded.
     */
    public List<String> registeredRoutes() {
        return List.copyOf(registered);
    }

    /**
     * The paths mounted for plugins, as {@code METHOD path}: {@code /api/<id>} and {@code /p/<id>}, each also with
     * {@code /<rest>}. Their handler picks the plugin's route and checks its rule, listed in {@link #routes()}.
     */
    public List<String> pluginPrefixes() {
        return routes.dispatchPaths();
    }

    @Override
    public void close() {
        app.stop();
        vitals.close();
    }
}
