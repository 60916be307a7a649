package dev.vitals.core.pluginhost;

/** The deployment's {@code VITALS_PLUGINS} does not include the plugin, so no admin may switch it on. */
public final class PluginNotAllowedException extends RuntimeException {

    public PluginNotAllowedException(String id) {
        super("plugin '" + id + "' is not in VITALS_PLUGINS for this deployment; add it there and restart");
    }
}
