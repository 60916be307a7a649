package dev.vitals.api;

import java.util.Objects;

/**
 * Another plugin this one works with, named by id only: plugins never see each other's classes.
 *
 * @param pluginId the other plugin's id
 * @param required true when this plugin cannot run without it: it is then started only while the other one is
 *     started, and stopped when the other one stops
 * @since 2.0.0
 */
public record PluginDependency(String pluginId, boolean required) {

    /**
     * Checks the id.
     *
     * @since 2.0.0
     */
    public PluginDependency {
        Objects.requireNonNull(pluginId, "pluginId");
        if (pluginId.isBlank()) {
            throw new IllegalArgumentException("a dependency needs a plugin id");
        }
    }

    /**
     * @param pluginId the other plugin's id
     * @return a dependency this plugin cannot run without
     * @since 2.0.0
     */
    public static PluginDependency required(String pluginId) {
        return new PluginDependency(pluginId, true);
    }

    /**
     * @param pluginId the other plugin's id
     * @return a dependency this plugin uses when it runs and does without otherwise
     * @since 2.0.0
     */
    public static PluginDependency optional(String pluginId) {
        return new PluginDependency(pluginId, false);
    }
}
