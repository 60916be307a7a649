package dev.vitals.core.testing;

import dev.vitals.api.VitalsPlugin;
import dev.vitals.core.pluginhost.DiscoveredPlugin;
import dev.vitals.core.pluginhost.PluginSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Plugins given as objects instead of jars, for tests of the host. Their migrations are read from
 * {@code db/migration/<id>/} on the test class path, exactly as from a plugin jar.
 */
public final class TestPlugins {

    private final Map<String, Supplier<VitalsPlugin>> plugins = new LinkedHashMap<>();
    private final Map<String, String> requires = new LinkedHashMap<>();

    public static TestPlugins of() {
        return new TestPlugins();
    }

    /** Adds a plugin; the supplier gives each portal instance its own factory, which builds the running plugin at each start. */
    public TestPlugins with(String id, Supplier<VitalsPlugin> plugin) {
        plugins.put(id, plugin);
        return this;
    }

    /** Adds a plugin that declares the plugin-API range it needs. */
    public TestPlugins with(String id, String requiredApi, Supplier<VitalsPlugin> plugin) {
        requires.put(id, requiredApi);
        return with(id, plugin);
    }

    public PluginSource source() {
        return () -> {
            List<DiscoveredPlugin> found = new ArrayList<>();
            plugins.forEach((id, supplier) -> found.add(DiscoveredPlugin.loaded(id, "1.0.0",
                    requires.getOrDefault(id, ">=2.0.0 & <3.0.0"), "test plugin " + id,
                    TestPlugins.class.getClassLoader(), supplier.get())));
            return found;
        };
    }
}
