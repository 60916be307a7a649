package dev.vitals.core.pluginhost;

/** An exception thrown by plugin code, already recorded against the plugin. */
public final class PluginFailure extends Exception {

    private final String pluginId;

    PluginFailure(String pluginId, String during, Throwable cause) {
        super("plugin " + pluginId + " failed during " + during + ": " + cause, cause);
        this.pluginId = pluginId;
    }

    public String pluginId() {
        return pluginId;
    }
}
