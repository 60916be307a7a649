package dev.vitals.web.pluginroutes;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vitals.api.ApiRoute;
import dev.vitals.api.HttpMethod;
import dev.vitals.api.Page;
import dev.vitals.api.PageRoute;
import dev.vitals.api.ProblemException;
import dev.vitals.api.Role;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.WebhookRoute;
import dev.vitals.core.identity.Scopes;
import dev.vitals.core.pluginhost.HostedPlugin;
import dev.vitals.core.pluginhost.PluginHost;
import dev.vitals.core.pluginhost.RouteCheck;
import dev.vitals.web.metrics.HttpMetrics;
import dev.vitals.web.pages.Layout;
import dev.vitals.web.security.Authentication;
import dev.vitals.web.security.GuardedRoutes;
import dev.vitals.web.security.GuardedRoutes.Rule;
import io.javalin.config.RouterConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.router.matcher.PathParser;
import io.javalin.validation.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves every plugin's API routes and webhooks under {@code /api/<id>} and its pages and form submissions under
 * {@code /p/<id>}.
 *
 * <p>A plugin's routes are known only once it is created, and may differ after it is enabled again, while Javalin's
 * route table is fixed when the portal starts. So for every discovered plugin the portal mounts only its two prefixes
 * (each exact and with {@code /<rest>}, for every method), and this class picks the route for each request from the
 * table of the plugin's current {@link RunningPlugin}: built and checked ({@link MountCheck}) each time the plugin
 * starts, matched in declaration order with Javalin's own path parser. No route matches, or the plugin is not
 * started: 404, as for any unknown path. A matched route is checked against the role and token scope it declared
 * before its handler runs (webhooks excepted: they verify their sender), and the handler runs inside the plugin's
 * guard with the route's path parameters.
 */
public final class PluginRoutes implements GuardedRoutes.DynamicRules {

    private static final Logger LOG = LoggerFactory.getLogger(PluginRoutes.class);
    private static final List<HttpMethod> METHODS = List.of(HttpMethod.values());
    private final PluginHost plugins;
    private final Layout layout;
    private final RouterConfig router;
    private final Map<String, Served> served = new ConcurrentHashMap<>();
    private volatile MountCheck check;

    /** The table built from what one start of a plugin declared. */
    private record Served(Declared declared, PluginRouteTable table) {
    }

    /**
     * What a running plugin declared to serve, as the host read it once at its start. Each start reads new lists, so
     * the lists themselves (not lists with equal routes) tell whether a table was built for the current start.
     */
    private record Declared(List<ApiRoute> apiRoutes, List<WebhookRoute> webhooks, List<PageRoute> pages) {
        /** @param running the host's view of the declarations, which does not call into the plugin */
        static Declared of(RunningPlugin running) {
            return new Declared(running.apiRoutes(), running.webhooks(), running.pages());
        }

        static Declared of(HostedPlugin plugin) {
            return new Declared(plugin.apiRoutes(), plugin.webhooks(), plugin.pages());
        }

        boolean sameLists(Declared other) {
            return apiRoutes == other.apiRoutes && webhooks == other.webhooks && pages == other.pages;
        }
    }

    /**
     * The check for plugins that start before the portal's own routes are known, as they do while the portal starts:
     * each path must parse, and no route may be declared twice. {@link #register} puts the whole check in its place
     * and checks again every plugin started by then.
     */
    public static RouteCheck beforeThePortalsRoutes() {
        MountCheck own = new MountCheck(List.of(), new RouterConfig());
        return (pluginId, declarations) -> own.refusal(pluginId, planned(pluginId, Declared.of(declarations)));
    }

    public PluginRoutes(PluginHost plugins, Layout layout, RouterConfig router) {
        this.plugins = plugins;
        this.layout = layout;
        this.router = router;
    }

    /**
     * Mounts every discovered plugin's prefixes, and from now on checks each plugin's routes when it starts. Call it
     * after the portal's own routes are in the table: a plugin whose id names a prefix the portal uses itself
     * ({@code /api/signals}) gets no prefix and fails to start. A plugin started before, under
     * {@link #beforeThePortalsRoutes}, is checked again here, and FAILED for good if its routes cannot be served:
     * what they clash with stays until the portal restarts.
     */
    public void register(GuardedRoutes routes) {
        MountCheck check = new MountCheck(routes.fixedRules(), router);
        this.check = check;
        for (HostedPlugin plugin : plugins.plugins()) {
            Optional<String> reservation = check.reservation(plugin.id());
            if (reservation.isPresent()) {
                LOG.error("Plugin {}: nothing mounted, {}", plugin.id(), reservation.get());
                continue;
            }
            for (String prefix : List.of("/api/" + plugin.id(), "/p/" + plugin.id())) {
                for (HttpMethod method : METHODS) {
                    Handler dispatch = ctx -> dispatch(plugin.id(), ctx);
                    routes.dispatch(method, prefix, dispatch);
                    routes.dispatch(method, prefix + "/<rest>", dispatch);
                }
            }
        }
        routes.dynamic(this);
        plugins.routeCheck((pluginId, declarations) -> admit(pluginId, Declared.of(declarations)));
        for (HostedPlugin plugin : plugins.plugins()) {
            if (plugin.isStarted()) {
                admit(plugin.id(), Declared.of(plugin)).ifPresent(why ->
                        plugins.refuse(plugin.id(), "its routes cannot be mounted: " + why));
            }
        }
    }

    /**
     * Checks a plugin's routes as it starts and, when they can be served, builds its table.
     *
     * @return why they cannot be served; empty when they now are
     */
    private Optional<String> admit(String pluginId, Declared declared) {
        Optional<String> refusal = check.refusal(pluginId, planned(pluginId, declared));
        if (refusal.isEmpty()) {
            serve(plugins.plugin(pluginId).orElseThrow(), declared);
        }
        return refusal;
    }

    private PluginRouteTable serve(HostedPlugin plugin, Declared declared) {
        PluginRouteTable table = table(plugin, declared);
        served.put(plugin.id(), new Served(declared, table));
        return table;
    }

    private static List<MountCheck.Planned> planned(String pluginId, Declared declared) {
        List<MountCheck.Planned> planned = new ArrayList<>();
        for (ApiRoute route : declared.apiRoutes()) {
            String path = "/api/" + pluginId + route.path();
            planned.add(new MountCheck.Planned(route.method(), path, "route " + route.method() + " " + path));
        }
        for (WebhookRoute webhook : declared.webhooks()) {
            String path = "/api/" + pluginId + webhook.path();
            planned.add(new MountCheck.Planned(HttpMethod.POST, path, "webhook POST " + path));
        }
        for (PageRoute page : declared.pages()) {
            String path = "/p/" + pluginId + page.path();
            planned.add(new MountCheck.Planned(page.method(), path, "page " + page.method() + " " + path));
        }
        return planned;
    }

    /** Builds the table of routes that {@link MountCheck} admitted, and logs each: the log names what is served. */
    private PluginRouteTable table(HostedPlugin plugin, Declared declared) {
        List<PluginRouteTable.Route> table = new ArrayList<>();
        for (ApiRoute route : declared.apiRoutes()) {
            String path = "/api/" + plugin.id() + route.path();
            String scope = Scopes.required(plugin.id(), route);
            table.add(guarded(new Rule(route.method(), path, Optional.of(route.role()), Optional.of(scope), false,
                    route.doc()), api(plugin, "route " + route.method() + " " + path, route.handler())));
            LOG.info("Plugin {}: {} {} ({}, token scope {})", plugin.id(), route.method(), path, name(route.role()),
                    scope);
        }
        for (WebhookRoute webhook : declared.webhooks()) {
            String path = "/api/" + plugin.id() + webhook.path();
            table.add(new PluginRouteTable.Route(new Rule(HttpMethod.POST, path, Optional.empty(), Optional.empty(),
                    true, webhook.doc()), new PathParser(path, router), api(plugin, "webhook POST " + path, webhook.handler())));
            LOG.info("Plugin {}: POST {} (webhook: the plugin verifies the sender, no sign-in)", plugin.id(), path);
        }
        for (PageRoute page : declared.pages()) {
            String path = "/p/" + plugin.id() + page.path();
            boolean form = page.method() == HttpMethod.POST;
            String scope = plugin.id() + (form ? ":write" : ":read");
            table.add(guarded(new Rule(page.method(), path, Optional.of(page.role()), Optional.of(scope), false),
                    page(plugin, page, path)));
            LOG.info("Plugin {}: {} {} ({})", plugin.id(), form ? "form POST" : "page", path, name(page.role()));
        }
        return new PluginRouteTable(table);
    }

    private PluginRouteTable.Route guarded(Rule rule, Handler handler) {
        Role role = rule.role().orElseThrow();
        String scope = rule.scope().orElseThrow();
        return new PluginRouteTable.Route(rule, new PathParser(rule.path(), router), ctx -> {
            Authentication.require(ctx, role, scope);
            handler.handle(ctx);
        });
    }

    /**
     * The table of the plugin's current start; empty while it is not started. Built when the check admitted the
     * start; built here should that table be of another start, as when it started before {@link #register}.
     */
    private Optional<PluginRouteTable> table(HostedPlugin plugin) {
        if (!plugin.isStarted()) {
            // Lets the stopped plugin's objects go.
            served.remove(plugin.id());
            return Optional.empty();
        }
        Declared declared = Declared.of(plugin);
        Served current = served.get(plugin.id());
        if (current != null && current.declared().sameLists(declared)) {
            return Optional.of(current.table());
        }
        MountCheck whole = check;
        if (whole == null || whole.refusal(plugin.id(), planned(plugin.id(), declared)).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(serve(plugin, declared));
    }

    private void dispatch(String pluginId, Context ctx) throws Exception {
        HostedPlugin plugin = plugins.plugin(pluginId).orElseThrow();
        Optional<PluginRouteTable.Match> match = method(ctx).flatMap(method -> table(plugin)
                .flatMap(table -> table.match(method, ctx.path())));
        if (match.isEmpty()) {
            HttpMetrics.routeTemplate(ctx, "NOT_FOUND");
            throw ProblemException.notFound("no page or API route at " + ctx.path() + (plugin.isStarted() ? ""
                    : " (plugin " + pluginId + " is " + plugin.state().name().toLowerCase(Locale.ROOT) + ")"));
        }
        String template = match.get().route().rule().path();
        HttpMetrics.routeTemplate(ctx, template);
        match.get().route().handler().handle(new PluginRouteContext(ctx, template, match.get().pathParams()));
    }

    /** HEAD asks what GET would answer; Javalin serves it with the GET handler. */
    private static Optional<HttpMethod> method(Context ctx) {
        String name = ctx.method().name();
        return METHODS.stream().filter(m -> m.name().equals(name.equals("HEAD") ? "GET" : name)).findFirst();
    }


    @Override
    public List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        for (HostedPlugin plugin : plugins.plugins()) {
            table(plugin).ifPresent(table -> rules.addAll(table.rules()));
        }
        return rules;
    }

    @Override
    public boolean isWebhook(String method, String path) {
        if (!method.equals("POST")) {
            return false;
        }
        for (HostedPlugin plugin : plugins.plugins()) {
            String prefix = "/api/" + plugin.id();
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return table(plugin).flatMap(table -> table.match(HttpMethod.POST, path))
                        .map(match -> match.route().rule().webhook()).orElse(false);
            }
        }
        return false;
    }

    private Handler api(HostedPlugin plugin, String during, Handler handler) {
        return ctx -> {
            Exception clientError = plugin.call(during, () -> {
                try {
                    handler.handle(ctx);
                    return null;
                } catch (HttpResponseException | ProblemException | ValidationException | JsonProcessingException e) {
                    // The caller's mistake, answered as a problem; not a fault of the plugin.
                    return e;
                }
            });
            if (clientError != null) {
                throw clientError;
            }
        };
    }

    private Handler page(HostedPlugin plugin, PageRoute route, String path) {
        return ctx -> {
            Object rendered = plugin.call("page " + path, () -> {
                try {
                    return route.renderer().render(ctx);
                } catch (HttpResponseException | ProblemException | ValidationException e) {
                    // The caller's mistake (an unknown id in the URL, a bad parameter): an error page, not a plugin fault.
                    return e;
                }
            });
            if (rendered instanceof Exception clientError) {
                throw clientError;
            }
            Page page = (Page) rendered;
            if (ctx.statusCode() >= 300 && ctx.statusCode() < 400) {
                // Page.seeOther: a form was taken and the browser is sent on; a redirect has no layout.
                return;
            }
            layout.render(ctx, page.title(), output -> {
                try {
                    plugin.call("page " + path, () -> {
                        page.body().writeTo(output);
                        return null;
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        };
    }

    private static String name(Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }
}
