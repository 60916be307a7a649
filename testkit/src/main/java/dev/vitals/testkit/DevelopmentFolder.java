package dev.vitals.testkit;

import dev.vitals.core.pluginhost.Pf4jPluginSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A plugins folder in the shape of a source checkout, made of links to the modules under test, so that the host's
 * own PF4J loader reads them in development mode: each plugin from its {@code target/classes} (and
 * {@code target/lib}), in its own class loader. Linking instead of pointing at the modules' parent keeps a plugin's
 * sibling modules out of the portal.
 */
final class DevelopmentFolder implements AutoCloseable {

    private final Path root;

    private DevelopmentFolder(Path root) {
        this.root = root;
    }

    static DevelopmentFolder of(List<PluginModule> modules) {
        try {
            Path root = Files.createTempDirectory("vitals-testkit-plugins");
            for (PluginModule module : modules) {
                Path folder = Files.createDirectory(root.resolve(module.pluginId()));
                // The host tells a folder of modules from a folder of jars by the modules' pom.xml.
                Files.writeString(folder.resolve("pom.xml"), "<!-- " + module.directory() + " -->\n");
                Path target = Files.createDirectory(folder.resolve("target"));
                Files.createSymbolicLink(target.resolve("classes"), module.classes());
                if (Files.isDirectory(module.libraries())) {
                    Files.createSymbolicLink(target.resolve("lib"), module.libraries());
                }
            }
            return new DevelopmentFolder(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay out the plugins under test in a temporary folder", e);
        }
    }

    Pf4jPluginSource source() {
        return new Pf4jPluginSource(root);
    }

    @Override
    public String toString() {
        return root.toString();
    }

    /** Removes the folder and its links; what they point to stays untouched. */
    @Override
    public void close() {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
