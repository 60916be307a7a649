package dev.vitals.web.pluginroutes;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vitals.api.ApiRoute;
import dev.vitals.api.HttpMethod;
import dev.vitals.api.Page;
import dev.vitals.api.PageRoute;
import dev.vitals.api.ProblemException;
import dev.vitals.api.WebhookRoute;
import dev.vitals.core.pluginhost.HostedPlugin;
import dev.vitals.core.pluginhost.PluginHost;
import dev.vitals.web.pages.Layout;
import dev.vitals.core.identity.Scopes;
import dev.vitals.web.security.GuardedRoutes;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.validation.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mounts every plugin's API routes under {@code /api/<id>} and pages (GET) and form submissions (POST) under
 * {@code /p/<id>}. All of them are
 * registered up front, for every discovered plugin; each request is checked against the role and scope the route
 * declared, then that the plugin is started (404 otherwise, as if the route did not exist), and the handler runs
 * inside the plugin's guard.
 */
public final class PluginRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(PluginRoutes.class);
    private final PluginHost plugins;
    private final Layout layout;

    public PluginRoutes(PluginHost plugins, Layout layout) {
        this.plugins = plugins;
        this.layout = layout;
    }

    /**
     * Every plugin route goes through the guarded table: a plugin has no way to register an open one. Its declared
     * webhooks are listed there apart, as routes the plugin authenticates by the sender's signature. A plugin with a
     * route that cannot be mounted (bad syntax, declared twice, taken by the portal or another plugin) gets none of
     * them: it is marked FAILED with the reason, its paths answer 404, and the portal starts with the others.
     */
    public void register(GuardedRoutes routes) {
        MountCheck check = new MountCheck(routes.rules());
        for (HostedPlugin plugin : plugins.plugins()) {
            Optional<String> refusal = check.admit(plugin.id(), planned(plugin));
            if (refusal.isPresent()) {
                plugins.refuse(plugin.id(), "its routes cannot be mounted: " + refusal.get());
                continue;
            }
            mount(plugin, routes);
        }
    }

    private static List<MountCheck.Planned> planned(HostedPlugin plugin) {
        List<MountCheck.Planned> planned = new ArrayList<>();
        for (ApiRoute route : plugin.apiRoutes()) {
            String path = "/api/" + plugin.id() + route.path();
            planned.add(new MountCheck.Planned(route.method(), path, "route " + route.method() + " " + path));
        }
        for (WebhookRoute webhook : plugin.webhooks()) {
            String path = "/api/" + plugin.id() + webhook.path();
            planned.add(new MountCheck.Planned(HttpMethod.POST, path, "webhook POST " + path));
        }
        for (PageRoute page : plugin.pages()) {
            String path = "/p/" + plugin.id() + page.path();
            planned.add(new MountCheck.Planned(page.method(), path, "page " + page.method() + " " + path));
        }
        return planned;
    }

    private void mount(HostedPlugin plugin, GuardedRoutes routes) {
        for (ApiRoute route : plugin.apiRoutes()) {
            String path = "/api/" + plugin.id() + route.path();
            String scope = Scopes.required(plugin.id(), route);
            routes.add(route.method(), path, route.role(), scope,
                    api(plugin, "route " + route.method() + " " + path, route.handler()));
            LOG.info("Plugin {}: {} {} ({}, token scope {})", plugin.id(), route.method(), path,
                    route.role().name().toLowerCase(), scope);
        }
        for (WebhookRoute webhook : plugin.webhooks()) {
            String path = "/api/" + plugin.id() + webhook.path();
            routes.webhook(path, api(plugin, "webhook POST " + path, webhook.handler()));
            LOG.info("Plugin {}: POST {} (webhook: the plugin verifies the sender, no sign-in)", plugin.id(), path);
        }
        for (PageRoute page : plugin.pages()) {
            String path = "/p/" + plugin.id() + page.path();
            boolean form = page.method() == HttpMethod.POST;
            routes.add(page.method(), path, page.role(), plugin.id() + (form ? ":write" : ":read"),
                    page(plugin, page, path));
            LOG.info("Plugin {}: {} {} ({})", plugin.id(), form ? "form POST" : "page", path,
                    page.role().name().toLowerCase());
        }
    }

    private Handler api(HostedPlugin plugin, String during, Handler handler) {
        return ctx -> {
            ensureStarted(plugin, ctx);
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
            ensureStarted(plugin, ctx);
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

    private static void ensureStarted(HostedPlugin plugin, Context ctx) {
        if (!plugin.isStarted()) {
            throw ProblemException.notFound("no page or API route at " + ctx.path() + " (plugin " + plugin.id()
                    + " is " + plugin.state().name().toLowerCase() + ")");
        }
    }
}
