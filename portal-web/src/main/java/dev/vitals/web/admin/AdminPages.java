package dev.vitals.web.admin;

import dev.vitals.web.security.GuardedRoutes;
import dev.vitals.core.identity.Scopes;
import dev.vitals.api.FieldError;
import dev.vitals.api.RequestCaller;
import dev.vitals.api.ui.Flash;
import dev.vitals.api.Role;
import dev.vitals.core.Vitals;
import dev.vitals.core.catalog.CatalogAllowedHosts;
import dev.vitals.core.catalog.ImportReport;
import dev.vitals.core.pluginhost.HostedPlugin;
import dev.vitals.core.pluginhost.NoSuchPluginException;
import dev.vitals.core.pluginhost.PluginStatus;
import dev.vitals.web.catalog.CatalogApi;
import dev.vitals.web.pages.Layout;
import dev.vitals.web.pages.NavLink;
import dev.vitals.web.pages.Templates;
import dev.vitals.web.security.Authentication;
import dev.vitals.web.security.Caller;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /admin/plugins} and {@code /admin/catalog}: which plugins run, with their settings and dependencies, and
 * where the catalog comes from.
 */
public final class AdminPages {

    private final Vitals vitals;
    private final Layout layout;

    public AdminPages(Vitals vitals, Layout layout) {
        this.vitals = vitals;
        this.layout = layout;
    }

    /**
     * One plugin as the admin page lists it.
     *
     * @param id the plugin id
     * @param version its version
     * @param description one line
     * @param state its state
     * @param reason why it is not started, or empty
     * @param lastError the last error its code threw, or empty
     * @param allowed whether this deployment's VITALS_PLUGINS lets it run
     * @param links its navigation entries, when started
     * @param serviceTabs the titles of the tabs it adds to service pages
     * @param settings its declared settings, secrets masked
     * @param dependencies the other plugins it works with, and their states
     */
    public record PluginRow(String id, String version, String description, String state, String reason,
            String lastError, boolean allowed, List<NavLink> links, List<String> serviceTabs,
            List<PluginSettingRow> settings, List<PluginDependencyRow> dependencies) {

        /** @return true when a required setting is not set */
        public boolean settingMissing() {
            return settings.stream().anyMatch(PluginSettingRow::missing);
        }
    }

    public void register(GuardedRoutes routes) {
        routes.get("/admin", Role.ADMIN, Scopes.ADMIN, ctx -> ctx.redirect("/admin/plugins"));
        routes.get("/admin/plugins", Role.ADMIN, Scopes.ADMIN, this::plugins);
        routes.get("/admin/plugins/{id}", Role.ADMIN, Scopes.ADMIN, this::plugin);
        routes.post("/admin/plugins/{id}", Role.ADMIN, Scopes.ADMIN, this::switchPlugin);
        routes.get("/admin/catalog", Role.ADMIN, Scopes.ADMIN, this::catalog);
        routes.post("/admin/catalog/sources", Role.ADMIN, Scopes.CATALOG_WRITE, this::importSource);
        routes.post("/admin/catalog/allowed-hosts", Role.ADMIN, Scopes.ADMIN, this::replaceAllowedHosts);
    }

    private void plugins(Context ctx) {
        List<PluginRow> rows = vitals.plugins().plugins().stream().map(this::row).toList();
        layout.render(ctx, "Plugins", Templates.content("admin/plugins.jte", Map.of("plugins", rows,
                "confirm", Optional.ofNullable(ctx.queryParam("confirm")).orElse(""), "caller", RequestCaller.of(ctx))));
    }

    /** One plugin: its state and why, its settings and where each comes from, and the plugins it works with. */
    private void plugin(Context ctx) {
        HostedPlugin plugin = vitals.plugins().plugin(ctx.pathParam("id"))
                .orElseThrow(() -> new NoSuchPluginException(ctx.pathParam("id")));
        layout.render(ctx, "Plugin " + plugin.id(), Templates.content("admin/plugin.jte", Map.of("plugin", row(plugin))));
    }

    private PluginRow row(HostedPlugin plugin) {
        PluginStatus status = plugin.status();
        List<NavLink> links = plugin.isStarted()
                ? plugin.navigation().stream().map(e -> new NavLink(e.label(), Layout.pageHref(plugin.id(), e.path()))).toList()
                : List.of();
        return new PluginRow(status.id(), status.version(), status.description(), status.state().name(),
                status.reason().orElse(""), status.lastError().map(e -> e.during() + ": " + e.message()).orElse(""),
                vitals.config().allows(plugin.id()), links, plugin.serviceTabs().stream().map(t -> t.title()).toList(),
                status.settings().stream().map(PluginSettingRow::of).toList(),
                status.dependencies().stream().map(PluginDependencyRow::of).toList());
    }

    private void switchPlugin(Context ctx) {
        boolean enabled = "true".equals(ctx.formParam("enabled"));
        vitals.plugins().setEnabled(ctx.pathParam("id"), enabled, Caller.actor(ctx));
        Flash.confirm(ctx, "Plugin " + ctx.pathParam("id") + (enabled ? " enabled." : " disabled."));
        ctx.redirect("/admin/plugins", HttpStatus.SEE_OTHER);
    }

    private void catalog(Context ctx) {
        layout.render(ctx, "Catalog sources", Templates.content("admin/catalog.jte", Map.of(
                "sources", vitals.catalogSources().list(), "counts", vitals.catalog().countsByKind(), "caller", RequestCaller.of(ctx),
                "zone", vitals.config().orgTimeZone(),
                "allowedHosts", List.copyOf(vitals.catalogSources().allowedHosts().list()))));
    }

    /** The form sends the hosts one per line; commas and spaces separate them too. */
    private void replaceAllowedHosts(Context ctx) {
        List<String> hosts = Arrays.stream(Optional.ofNullable(ctx.formParam("hosts")).orElse("")
                .split("[\\s,]+")).filter(h -> !h.isEmpty()).toList();
        try {
            vitals.catalogSources().allowedHosts().replace(hosts, Caller.actor(ctx));
        } catch (CatalogAllowedHosts.InvalidHosts e) {
            dev.vitals.web.problem.ProblemResponses.respond(ctx, 422, e.getMessage() + ". Go back and correct the list.",
                    e.fields().stream().map(f -> new FieldError(f, e.getMessage())).toList());
            return;
        }
        Flash.confirm(ctx, "Saved the allowed hosts: " + (hosts.isEmpty() ? "none." : String.join(", ", hosts) + "."));
        ctx.redirect("/admin/catalog", HttpStatus.SEE_OTHER);
    }

    private void importSource(Context ctx) {
        String location = Optional.ofNullable(ctx.formParam("location")).orElse("").trim();
        try {
            ImportReport report = vitals.catalogSources().importLocation(location, Caller.actor(ctx), m -> { });
            Flash.confirm(ctx, "Registered and imported " + location + ": " + report.summary());
        } catch (IllegalArgumentException e) {
            dev.vitals.web.problem.ProblemResponses.respond(ctx, 422, e.getMessage() + ". Go back and give a file, "
                    + "folder or http(s) URL.", List.of());
            return;
        }
        ctx.redirect("/admin/catalog", HttpStatus.SEE_OTHER);
    }
}
