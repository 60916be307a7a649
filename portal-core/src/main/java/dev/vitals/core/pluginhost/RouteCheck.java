package dev.vitals.core.pluginhost;

import dev.vitals.api.RunningPlugin;
import java.util.Optional;

/**
 * What the web face checks of a plugin's routes before the plugin counts as started: a plugin whose routes clash
 * with the portal's or another plugin's would otherwise serve half its pages.
 */
@FunctionalInterface
public interface RouteCheck {

    /** No check: a host without a web face mounts nothing. */
    RouteCheck NONE = (pluginId, running) -> Optional.empty();

    /**
     * @param pluginId the plugin starting
     * @param running the routes, webhooks, pages and the rest its factory's running plugin declared, as read once at
     *     start (the same lists {@link HostedPlugin#apiRoutes()} and the others give once it is started); calling
     *     them does not call into the plugin, and its other methods do nothing
     * @return why its routes cannot be mounted, or empty when they can
     */
    Optional<String> refusal(String pluginId, RunningPlugin running);
}
