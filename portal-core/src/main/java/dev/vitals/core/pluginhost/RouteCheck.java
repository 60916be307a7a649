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
     * @param running what its factory just built, with the routes it declares
     * @return why its routes cannot be mounted, or empty when they can
     */
    Optional<String> refusal(String pluginId, RunningPlugin running);
}
