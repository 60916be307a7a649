package dev.vitals.web.security;

import dev.vitals.api.HttpMethod;
import dev.vitals.api.ProblemException;
import dev.vitals.api.Role;
import dev.vitals.api.RouteDoc;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The portal's route table, where every route states who may call it. A route is either open (sign-in, health,
 * static files) or guarded: the caller must be signed in, hold the role, and, as an API token, carry the scope. The
 * check runs before the route's handler, so no route, the host's or a plugin's, can forget it.
 */
public final class GuardedRoutes {

    /**
     * One entry of the table.
     *
     * @param method the HTTP method
     * @param path the path pattern, as registered
     * @param role the least role, or empty for an open route
     * @param scope the scope an API token needs, or empty for an open route
     * @param webhook true for a plugin's webhook: reachable without sign-in, its handler verifies the sender
     * @param doc what the API description says about it beyond the above; {@link RouteDoc#NONE} when nothing
     */
    public record Rule(HttpMethod method, String path, Optional<Role> role, Optional<String> scope, boolean webhook,
            RouteDoc doc) {

        /** A route not described beyond who may call it. */
        public Rule(HttpMethod method, String path, Optional<Role> role, Optional<String> scope, boolean webhook) {
            this(method, path, role, scope, webhook, RouteDoc.NONE);
        }

        public boolean open() {
            return role.isEmpty() && !webhook;
        }
    }

    /**
     * Routes that are not fixed when the portal starts: plugins' routes, known only once each plugin is created. The
     * paths that lead to them are mounted with {@link #dispatch}; their handler finds the route and checks its rule.
     */
    public interface DynamicRules {
        /** None: a portal without plugins. */
        DynamicRules NONE = new DynamicRules() {
            @Override
            public List<Rule> rules() {
                return List.of();
            }

            @Override
            public boolean isWebhook(String method, String path) {
                return false;
            }
        };

        /** @return the rules of the routes served now */
        List<Rule> rules();

        /** @return true when a POST to this path reaches a webhook served now, which signs in no one */
        boolean isWebhook(String method, String path);
    }

    private final RoutesConfig routes;
    private final List<Rule> rules = new ArrayList<>();
    private final List<String> dispatchPaths = new ArrayList<>();
    private volatile DynamicRules dynamic = DynamicRules.NONE;

    public GuardedRoutes(RoutesConfig routes) {
        this.routes = routes;
    }

    public void get(String path, Role role, String scope, Handler handler) {
        add(HttpMethod.GET, path, role, scope, handler, RouteDoc.NONE);
    }

    /** A GET route, described for the API description ({@code /api/openapi.json}). */
    public void get(String path, Role role, String scope, RouteDoc doc, Handler handler) {
        add(HttpMethod.GET, path, role, scope, handler, doc);
    }

    public void post(String path, Role role, String scope, Handler handler) {
        add(HttpMethod.POST, path, role, scope, handler, RouteDoc.NONE);
    }

    public void post(String path, Role role, String scope, RouteDoc doc, Handler handler) {
        add(HttpMethod.POST, path, role, scope, handler, doc);
    }

    public void put(String path, Role role, String scope, Handler handler) {
        add(HttpMethod.PUT, path, role, scope, handler, RouteDoc.NONE);
    }

    public void put(String path, Role role, String scope, RouteDoc doc, Handler handler) {
        add(HttpMethod.PUT, path, role, scope, handler, doc);
    }

    public void delete(String path, Role role, String scope, Handler handler) {
        add(HttpMethod.DELETE, path, role, scope, handler, RouteDoc.NONE);
    }

    public void delete(String path, Role role, String scope, RouteDoc doc, Handler handler) {
        add(HttpMethod.DELETE, path, role, scope, handler, doc);
    }

    public void add(HttpMethod method, String path, Role role, String scope, Handler handler, RouteDoc doc) {
        rules.add(new Rule(method, path, Optional.of(role), Optional.of(scope), false, doc));
        register(method, path, ctx -> {
            Authentication.require(ctx, role, scope);
            handler.handle(ctx);
        });
    }

    /** A route anyone may call, signed in or not: keep these few and free of data. */
    public void open(HttpMethod method, String path, Handler handler) {
        open(method, path, RouteDoc.NONE, handler);
    }

    /** An open route, described for the API description. */
    public void open(HttpMethod method, String path, RouteDoc doc, Handler handler) {
        rules.add(new Rule(method, path, Optional.empty(), Optional.empty(), false, doc));
        register(method, path, handler);
    }

    /**
     * A path under which routes that change at run time are served: Javalin's table is fixed at start, so the
     * handler picks the route for each request and must check its rule (role, scope) before it answers. The rules
     * of those routes come from {@link #dynamic}.
     */
    public void dispatch(HttpMethod method, String path, Handler handler) {
        dispatchPaths.add(method + " " + path);
        register(method, path, handler);
    }

    /** Where the rules of the routes mounted with {@link #dispatch} come from. */
    public void dynamic(DynamicRules rules) {
        this.dynamic = rules;
    }

    /** The fixed routes, then those served now under the dispatch paths. */
    public List<Rule> rules() {
        List<Rule> all = new ArrayList<>(rules);
        all.addAll(dynamic.rules());
        return List.copyOf(all);
    }

    /** The fixed routes only: the portal's own table, without any plugin's. */
    public List<Rule> fixedRules() {
        return List.copyOf(rules);
    }

    /** The paths mounted with {@link #dispatch}, as {@code METHOD path}. */
    public List<String> dispatchPaths() {
        return List.copyOf(dispatchPaths);
    }

    /**
     * Runs before every request: an anonymous caller gets no further than the open routes. Browsers asking for a page
     * are sent to sign in and brought back afterwards; everyone else gets 401.
     */
    public void requireSignIn(Context ctx) {
        if (Caller.of(ctx).authenticated() || isOpen(ctx.path())
                || dynamic.isWebhook(ctx.method().name(), ctx.path())) {
            return;
        }
        boolean page = ctx.method().name().equals("GET") && (!ctx.path().startsWith("/api/") || answersHtml(ctx.path()))
                && Optional.ofNullable(ctx.header("Accept")).orElse("").contains("text/html");
        if (page) {
            ctx.redirect("/login?next=" + URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8));
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.header("WWW-Authenticate", "Bearer");
        throw new ProblemException(401, "sign in first: send 'Authorization: Bearer <token>' or sign in at /login",
                List.of());
    }

    /** An HTML page under /api/, such as the API's docs, which a browser should reach by signing in first. */
    private boolean answersHtml(String path) {
        return rules.stream().anyMatch(r -> r.method() == HttpMethod.GET && r.path().equals(path)
                && r.doc().response().map(body -> body.mediaType().equals("text/html")).orElse(false));
    }

    private boolean isOpen(String path) {
        return path.startsWith("/static/") || rules.stream().anyMatch(r -> r.open() && r.path().equals(path));
    }

    private void register(HttpMethod method, String path, Handler handler) {
        switch (method) {
            case GET -> routes.get(path, handler);
            case POST -> routes.post(path, handler);
            case PUT -> routes.put(path, handler);
            case PATCH -> routes.patch(path, handler);
            case DELETE -> routes.delete(path, handler);
        }
    }
}
