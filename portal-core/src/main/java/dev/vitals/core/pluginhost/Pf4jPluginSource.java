package dev.vitals.core.pluginhost;

import dev.vitals.api.VitalsPlugin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.pf4j.CompoundPluginDescriptorFinder;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginLoader;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.pf4j.PropertiesPluginDescriptorFinder;
import org.pf4j.RuntimeMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds plugins with PF4J. Deployment mode reads jars from a folder; development mode reads the plugin modules of a
 * source checkout ({@code plugins/<name>/target/classes}), chosen when the folder holds Maven modules.
 */
public final class Pf4jPluginSource implements PluginSource {

    private static final Logger LOG = LoggerFactory.getLogger(Pf4jPluginSource.class);
    private final Path directory;
    private PluginManager manager;

    public Pf4jPluginSource(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    public Path directory() {
        return directory;
    }

    public boolean developmentMode() {
        return isSourceTree(directory);
    }

    @Override
    public List<DiscoveredPlugin> discover() {
        if (!Files.isDirectory(directory)) {
            LOG.warn("Plugin folder {} does not exist; running without plugins", directory);
            return List.of();
        }
        manager = new VitalsPluginManager(directory);
        manager.loadPlugins();
        List<DiscoveredPlugin> found = new ArrayList<>();
        for (PluginWrapper wrapper : manager.getPlugins()) {
            found.add(toDiscovered(wrapper));
        }
        return found;
    }

    private DiscoveredPlugin toDiscovered(PluginWrapper wrapper) {
        PluginDescriptor d = wrapper.getDescriptor();
        String requires = d.getRequires() == null || d.getRequires().equals("*") ? "" : d.getRequires();
        String description = d.getPluginDescription() == null ? "" : d.getPluginDescription();
        // Creating the extension runs the plugin's static initialisers: plugin code, so it runs with the plugin's
        // class loader as context loader like every other call (jte, for one, captures it when an engine is built).
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(wrapper.getPluginClassLoader());
        try {
            manager.startPlugin(d.getPluginId());
            List<VitalsPlugin> entries = manager.getExtensions(VitalsPlugin.class, d.getPluginId());
            if (entries.size() != 1) {
                return DiscoveredPlugin.broken(d.getPluginId(), d.getVersion(), requires, description,
                        wrapper.getPluginClassLoader(), "found " + entries.size() + " @Extension classes implementing "
                                + VitalsPlugin.class.getName() + "; expected exactly one (is plugin-api bundled "
                                + "in the jar instead of provided?)");
            }
            return DiscoveredPlugin.loaded(d.getPluginId(), d.getVersion(), requires, description,
                    wrapper.getPluginClassLoader(), entries.get(0));
        } catch (RuntimeException | LinkageError e) {
            return DiscoveredPlugin.broken(d.getPluginId(), d.getVersion(), requires, description,
                    wrapper.getPluginClassLoader(), "could not load: " + e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    static boolean isSourceTree(Path directory) {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> children = Files.list(directory)) {
            return children.anyMatch(child -> Files.isRegularFile(child.resolve("pom.xml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PF4J's manager with the runtime mode taken from the folder, not from a system property. */
    private static final class VitalsPluginManager extends DefaultPluginManager {

        VitalsPluginManager(Path root) {
            super(root);
        }

        @Override
        public RuntimeMode getRuntimeMode() {
            // Called from the super constructor, before any field of this class is set: derive, don't store.
            return isSourceTree(pluginsRoots.get(0)) ? RuntimeMode.DEVELOPMENT : RuntimeMode.DEPLOYMENT;
        }

        @Override
        protected PluginDescriptorFinder createPluginDescriptorFinder() {
            String properties = isDevelopment() ? "target/classes/plugin.properties" : "plugin.properties";
            return new CompoundPluginDescriptorFinder().add(new PropertiesPluginDescriptorFinder(properties));
        }

        @Override
        protected PluginLoader createPluginLoader() {
            return SharingPluginClassLoader.loaders(this);
        }

        @Override
        public PluginState startPlugin(String pluginId) {
            // Before any of its code runs: a plugin carrying another major of a shared library is refused, naming it.
            PluginWrapper plugin = getPlugin(pluginId);
            if (plugin != null) {
                IncompatibleLibraryException.refuseIfAny(plugin.getPluginPath());
            }
            return super.startPlugin(pluginId);
        }
    }
}
