package dev.vitals.core.pluginhost;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.pf4j.CompoundPluginLoader;
import org.pf4j.DefaultPluginLoader;
import org.pf4j.DevelopmentPluginLoader;
import org.pf4j.JarPluginLoader;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;
import org.pf4j.PluginManager;

/**
 * A plugin's class loader that takes the {@link SharedLibrary shared libraries} from the host. PF4J's own loader looks
 * in the plugin first, so a plugin jar that bundles Javalin, Jdbi, jte, Jackson or the plugin API itself would run its
 * own copy: its {@code VitalsPlugin} is then another interface than the host's ("no extensions found"), its Javalin
 * {@code Context} another class ({@code ClassCastException}). Here a shared class comes from the host; the plugin's
 * copy is used only for a class the host does not have (an extra Jackson module, say). Everything else is looked up
 * as PF4J does: the plugin, its plugin dependencies, then the host.
 */
final class SharingPluginClassLoader extends PluginClassLoader {

    private SharingPluginClassLoader(PluginManager manager, PluginDescriptor descriptor) {
        super(manager, descriptor, SharingPluginClassLoader.class.getClassLoader());
    }

    /** PF4J's plugin loaders (development modules, jars, unpacked folders) building this class loader. */
    static PluginLoader loaders(PluginManager manager) {
        return new CompoundPluginLoader()
                .add(new DevelopmentPluginLoader(manager) {
                    @Override
                    protected PluginClassLoader createPluginClassLoader(Path path, PluginDescriptor descriptor) {
                        return new SharingPluginClassLoader(manager, descriptor);
                    }
                }, manager::isDevelopment)
                .add(new JarPluginLoader(manager) {
                    @Override
                    protected PluginClassLoader createPluginClassLoader(Path path, PluginDescriptor descriptor) {
                        return new SharingPluginClassLoader(manager, descriptor);
                    }
                }, manager::isNotDevelopment)
                .add(new DefaultPluginLoader(manager) {
                    @Override
                    protected PluginClassLoader createPluginClassLoader(Path path, PluginDescriptor descriptor) {
                        return new SharingPluginClassLoader(manager, descriptor);
                    }
                }, manager::isNotDevelopment);
    }

    @Override
    public Class<?> loadClass(String className) throws ClassNotFoundException {
        if (!SharedLibrary.isShared(className)) {
            return super.loadClass(className);
        }
        synchronized (getClassLoadingLock(className)) {
            try {
                return getParent().loadClass(className);
            } catch (ClassNotFoundException notInHost) {
                Class<?> loaded = findLoadedClass(className);
                return loaded != null ? loaded : findClass(className);
            }
        }
    }

    /** A resource inside a shared package (a library's own template, a bundled properties file) is the host's too. */
    @Override
    public URL getResource(String name) {
        if (!isSharedResource(name)) {
            return super.getResource(name);
        }
        URL host = getParent().getResource(name);
        return host != null ? host : findResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (!isSharedResource(name)) {
            return super.getResources(name);
        }
        List<URL> resources = new ArrayList<>(Collections.list(getParent().getResources(name)));
        resources.addAll(Collections.list(findResources(name)));
        return Collections.enumeration(resources);
    }

    private static boolean isSharedResource(String name) {
        String path = name.startsWith("/") ? name.substring(1) : name;
        int slash = path.lastIndexOf('/');
        return slash > 0 && SharedLibrary.isShared(path.substring(0, slash + 1).replace('/', '.'));
    }
}
