package dev.vitals.plugins.slo;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.EntityRef;
import dev.vitals.api.Page;
import dev.vitals.api.PageRoute;
import dev.vitals.api.ProblemException;
import dev.vitals.api.RequestCaller;
import dev.vitals.api.Role;
import dev.vitals.api.ServiceTab;
import dev.vitals.core.Json;
import dev.vitals.core.pluginhost.HostedPlugin;
import gg.jte.Content;
import gg.jte.output.StringOutput;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

/**
 * The running plugin's routes on a bare Javalin server, the way the portal's web face mounts them but without its
 * sign-in and guards: every request comes from an admin. Pages answer their title and body, a service tab is at
 * {@code /tab/<service key>}, and a {@link ProblemException} answers its status and its fields.
 */
final class SloHttp implements AutoCloseable {

    private static final RequestCaller ADMIN = new RequestCaller() {
        @Override
        public String name() {
            return "admin";
        }

        @Override
        public boolean mayEdit(EntityRef entity) {
            return true;
        }

        @Override
        public boolean has(Role role) {
            return true;
        }
    };

    private final Javalin server;
    private final HttpClient client = HttpClient.newHttpClient();

    private SloHttp(Javalin server) {
        this.server = server;
    }

    static SloHttp serve(HostedPlugin plugin) {
        Javalin server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(Json.requestMapper(), false));
            config.routes.before(ctx -> ctx.attribute(RequestCaller.ATTRIBUTE, ADMIN));
            config.routes.exception(ProblemException.class, (e, ctx) -> ctx.status(e.status())
                    .json(Map.of("detail", e.getMessage(), "errors", e.errors())));
            for (ApiRoute route : plugin.apiRoutes()) {
                config.routes.addHttpHandler(HandlerType.findOrCreate(route.method().name()), "/api/slo" + route.path(),
                        route.handler());
            }
            for (PageRoute route : plugin.pages()) {
                config.routes.addHttpHandler(HandlerType.findOrCreate(route.method().name()), "/p/slo" + route.path(),
                        ctx -> {
                            Page page = route.renderer().render(ctx);
                            if (ctx.status().getCode() / 100 != 3) {
                                ctx.html("<title>" + page.title() + "</title>" + html(page.body()));
                            }
                        });
            }
            for (ServiceTab tab : plugin.serviceTabs()) {
                config.routes.get("/tab/{key}", ctx -> ctx.html(html(tab.renderer().render(ctx,
                        EntityRef.ofKey("component", ctx.pathParam("key"))))));
            }
        }).start("127.0.0.1", 0);
        return new SloHttp(server);
    }

    private static String html(Content content) {
        StringOutput out = new StringOutput();
        content.writeTo(out);
        return out.toString();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    HttpResponse<String> send(String method, String path, Optional<String> json)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method(method, json.map(HttpRequest.BodyPublishers::ofString)
                        .orElse(HttpRequest.BodyPublishers.noBody())).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    @Override
    public void close() {
        server.stop();
    }
}
