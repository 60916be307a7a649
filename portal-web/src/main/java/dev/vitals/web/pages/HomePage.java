package dev.vitals.web.pages;

import dev.vitals.core.pluginhost.HostedPlugin;
import dev.vitals.core.pluginhost.PluginHost;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** {@code /}: the plugins this portal runs and where their pages are. */
public final class HomePage {

    private final PluginHost plugins;
    private final Layout layout;

    public HomePage(PluginHost plugins, Layout layout) {
        this.plugins = plugins;
        this.layout = layout;
    }

    /**
     * One plugin as the home page lists it.
     *
     * @param id the plugin id
     * @param version its version
     * @param description one line
     * @param state its state
     * @param reason why it is not started, or empty
     * @param links its navigation entries, when started
     * @param serviceTabs the titles of the tabs it adds to service pages
     */
    public record PluginRow(String id, String version, String description, String state, String reason,
            List<NavLink> links, List<String> serviceTabs) {
    }

    public void render(Context ctx) {
        List<PluginRow> rows = plugins.plugins().stream().map(HomePage::row).toList();
        layout.render(ctx, "Vitals", Templates.content("home.jte", Map.of("plugins", rows)));
    }

    private static PluginRow row(HostedPlugin plugin) {
        var status = plugin.status();
        List<NavLink> links = plugin.isStarted()
                ? plugin.navigation().stream().map(e -> new NavLink(e.label(), Layout.pageHref(plugin.id(), e.path()))).toList()
                : List.of();
        return new PluginRow(status.id(), status.version(), status.description(), status.state().name(),
                status.reason().orElse(""), links, plugin.serviceTabs().stream().map(t -> t.title()).toList());
    }
}
