package dev.vitals.core.pluginhost.bundled;

import dev.vitals.api.PluginContext;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.VitalsPlugin;

/**
 * The smallest plugin: {@code PluginClassLoadingTest} packs its class file into plugin jars and folders next to
 * copies of libraries the host shares, and checks which copy the plugin gets.
 */
public final class BundlingPlugin implements VitalsPlugin {

    @Override
    public RunningPlugin create(PluginContext context) {
        return new RunningPlugin() {
        };
    }
}
