package dev.vitals.web;

import dev.vitals.core.Json;
import dev.vitals.core.Vitals;
import dev.vitals.core.config.VitalsConfig;
import dev.vitals.core.pluginhost.PluginSource;
import dev.vitals.web.admin.PluginAdminApi;
import dev.vitals.web.health.HealthRoutes;
import dev.vitals.web.metrics.HttpMetrics;
import dev.vitals.web.admin.AdminPages;
import dev.vitals.web.catalog.CatalogApi;
import dev.vitals.web.catalog.CatalogPages;
import dev.vitals.web.home.HealthGrid;
import dev.vitals.web.signals.SignalsApi;
import dev.vitals.web.pages.Layout;
import dev.vitals.web.pluginroutes.PluginRoutes;
import dev.vitals.web.problem.ProblemResponses;
import dev.vitals.web.security.AdminToken;
import dev.vitals.web.security.Authentication;
import dev.vitals.web.security.SecurityHeaders;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;

/** The portal: the host core with its web face. The route table is {@link #configure}, top to bottom. */
public final class PortalServer implements AutoCloseable {

    private final Vitals vitals;
    private final Javalin app;
    private final AdminToken adminToken;

    private PortalServer(Vitals vitals, Javalin app, AdminToken adminToken) {
        this.vitals = vitals;
        this.app = app;
        this.adminToken = adminToken;
    }

    public static PortalServer start(VitalsConfig config, PluginSource plugins, Vitals.Options options) {
        HttpMetrics metrics = new HttpMetrics();
        Vitals vitals = Vitals.start(config, plugins, metrics.registry(), options);
        try {
            AdminToken adminToken = AdminToken.load(config.adminToken(), config.dataDir());
            Javalin app = Javalin.create(javalin -> configure(javalin, config, vitals, metrics, adminToken));
            app.start(config.port());
            return new PortalServer(vitals, app, adminToken);
        } catch (RuntimeException e) {
            vitals.close();
            throw e;
        }
    }

    private static void configure(JavalinConfig javalin, VitalsConfig config, Vitals vitals, HttpMetrics metrics,
            AdminToken adminToken) {
        javalin.startup.showJavalinBanner = false;
        javalin.http.maxRequestSize = config.maxRequestBytes();
        javalin.jsonMapper(new JavalinJackson(Json.mapper(), false));
        javalin.staticFiles.add(files -> {
            files.hostedPath = "/static";
            files.directory = "/public";
            files.location = Location.CLASSPATH;
        });

        Authentication authentication = new Authentication(adminToken);
        Layout layout = new Layout(vitals.plugins());
        var routes = javalin.routes;

        routes.before(metrics::before);
        routes.before(SecurityHeaders::apply);
        routes.before(authentication::identify);
        routes.after(metrics::after);

        routes.get("/", new HealthGrid(vitals, layout)::render);
        new CatalogPages(vitals, layout).register(routes);
        new AdminPages(vitals, layout).register(routes);
        new HealthRoutes(vitals).register(routes);
        routes.get("/metrics", metrics::scrape);
        new CatalogApi(vitals).register(routes);
        new SignalsApi(vitals.signals()).register(routes);
        new PluginAdminApi(vitals.plugins()).register(routes);
        new PluginRoutes(vitals.plugins(), layout).register(routes);
        ProblemResponses.register(routes);
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

    @Override
    public void close() {
        app.stop();
        vitals.close();
    }
}
