package dev.vitals.web.admin;

import dev.vitals.core.pluginhost.DependencyView;

/**
 * Another plugin a plugin works with, as its admin page shows it.
 *
 * @param pluginId the other plugin's id
 * @param required true when the plugin runs only while the other one is started
 * @param state the other plugin's state, or {@code absent}
 * @param blocking true when it is required and not started: the reason the plugin is not started
 */
public record PluginDependencyRow(String pluginId, boolean required, String state, boolean blocking) {

    static PluginDependencyRow of(DependencyView dependency) {
        return new PluginDependencyRow(dependency.pluginId(), dependency.required(), dependency.state(),
                dependency.required() && !dependency.state().equals("STARTED"));
    }
}
