package dev.vitals.web.admin;

import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.api.Role;
import dev.vitals.core.identity.Scopes;
import dev.vitals.core.pluginhost.NoSuchPluginException;
import dev.vitals.core.pluginhost.PluginHost;
import dev.vitals.web.security.Caller;
import dev.vitals.web.security.GuardedRoutes;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/admin/plugins}: which plugins run, switched on and off at run time by admins, with each plugin's
 * settings (where each value comes from; a secret's value never) and dependencies (required or optional, and their
 * states).
 */
public final class PluginAdminApi {

    private final PluginHost plugins;

    public PluginAdminApi(PluginHost plugins) {
        this.plugins = plugins;
    }

    /**
     * The body of {@code PUT /api/admin/plugins/{id}}.
     *
     * @param enabled whether the plugin should run
     */
    public record EnabledChange(Boolean enabled) {
    }

    public void register(GuardedRoutes routes) {
        routes.get("/api/admin/plugins", Role.ADMIN, Scopes.ADMIN, ctx -> ctx.json(Map.of("plugins", plugins.statuses())));
        routes.get("/api/admin/plugins/{id}", Role.ADMIN, Scopes.ADMIN, ctx -> ctx.json(plugins.plugin(ctx.pathParam("id"))
                .orElseThrow(() -> new NoSuchPluginException(ctx.pathParam("id"))).status()));
        routes.put("/api/admin/plugins/{id}", Role.ADMIN, Scopes.ADMIN, this::setEnabled);
    }

    private void setEnabled(Context ctx) {
        EnabledChange change = ctx.bodyAsClass(EnabledChange.class);
        if (change == null || change.enabled() == null) {
            throw ProblemException.unprocessable("say whether the plugin should run",
                    List.of(new FieldError("enabled", "is required: true or false")));
        }
        ctx.json(plugins.setEnabled(ctx.pathParam("id"), change.enabled(), Caller.actor(ctx)));
    }
}
