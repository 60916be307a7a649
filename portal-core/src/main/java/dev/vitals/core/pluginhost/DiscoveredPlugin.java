package dev.vitals.core.pluginhost;

import dev.vitals.api.VitalsPlugin;
import java.util.Optional;

/**
 * A plugin found by a {@link PluginSource}, before the host decides anything about it.
 *
 * @param id the id from its descriptor
 * @param version its own version
 * @param requires the plugin-API version range it needs, e.g. {@code >=2.0.0 & <3.0.0}; empty means any
 * @param description one line
 * @param classLoader the loader of its classes and resources (migrations, templates)
 * @param factory its entry point, which builds the running plugin at each start, when it could be created
 * @param loadError why no entry point could be created
 */
public record DiscoveredPlugin(String id, String version, String requires, String description, ClassLoader classLoader,
        Optional<VitalsPlugin> factory, Optional<String> loadError) {

    /** A plugin whose entry point was created. */
    public static DiscoveredPlugin loaded(String id, String version, String requires, String description,
            ClassLoader classLoader, VitalsPlugin factory) {
        return new DiscoveredPlugin(id, version, requires, description, classLoader, Optional.of(factory),
                Optional.empty());
    }

    /** A plugin that was found but could not be loaded. */
    public static DiscoveredPlugin broken(String id, String version, String requires, String description,
            ClassLoader classLoader, String error) {
        return new DiscoveredPlugin(id, version, requires, description, classLoader, Optional.empty(),
                Optional.of(error));
    }
}
