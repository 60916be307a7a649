package dev.vitals.core.pluginhost;

import java.util.List;

/** Where plugins come from: PF4J jars or modules in production, plugin instances in tests. */
@FunctionalInterface
public interface PluginSource {

    List<DiscoveredPlugin> discover();

    /** No plugins at all. */
    static PluginSource none() {
        return List::of;
    }
}
