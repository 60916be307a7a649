package dev.vitals.web.admin;

import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.api.Role;
import dev.vitals.api.RouteDoc;
import dev.vitals.core.identity.Scopes;
import dev.vitals.core.pluginhost.NoSuchPluginException;
import dev.vitals.core.pluginhost.PluginHost;
import dev.vitals.core.pluginhost.PluginStatus;
import dev.vitals.web.security.Caller;
import dev.vitals.web.security.GuardedRoutes;
import io.javalin.http.Context;
import java.util.List;

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

    /**
     * The answer to {@code GET /api/admin/plugins}.
     *
     * @param plugins every discovered plugin
     */
    public record PluginList(List<PluginStatus> plugins) {
    }

    private static final String STATUS = """
            {"id": "deploys", "version": "1.4.0", "description": "Deployments and incidents: the DORA keys",
             "state": "STARTED", "reason": null, "lastError": null,
             "settings": [{"name": "gate_error_budget", "environmentVariable": "VITALS_DEPLOYS_GATE_ERROR_BUDGET",
               "type": "string", "description": "block or ignore a spent error budget", "secret": false,
               "required": false, "shown": "block", "origin": "default"}],
             "dependencies": [{"pluginId": "slo", "required": false, "state": "STARTED"}]}""";

    public void register(GuardedRoutes routes) {
        routes.get("/api/admin/plugins", Role.ADMIN, Scopes.ADMIN, RouteDoc.of(
                "List the plugins with their states, settings and dependencies")
                .returns(200, RouteDoc.Body.json(PluginList.class, "{\"plugins\": [" + STATUS + "]}")),
                ctx -> ctx.json(new PluginList(plugins.statuses())));
        routes.get("/api/admin/plugins/{id}", Role.ADMIN, Scopes.ADMIN, RouteDoc.of("Show one plugin")
                .returns(200, RouteDoc.Body.json(PluginStatus.class, STATUS)),
                ctx -> ctx.json(plugins.plugin(ctx.pathParam("id"))
                .orElseThrow(() -> new NoSuchPluginException(ctx.pathParam("id"))).status()));
        routes.put("/api/admin/plugins/{id}", Role.ADMIN, Scopes.ADMIN, RouteDoc.of("Start or stop a plugin")
                .description("Kept in the database and audited; other instances follow within 15 seconds. 409 for a "
                        + "plugin VITALS_PLUGINS does not allow.")
                .accepts(EnabledChange.class, "{\"enabled\": false}")
                .returns(200, RouteDoc.Body.json(PluginStatus.class, STATUS.replace("\"STARTED\", \"reason\": null",
                        "\"DISABLED\", \"reason\": \"disabled by ada\""))), this::setEnabled);
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
