package dev.vitals.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;

/**
 * A plugin as Maven builds it in a module: its compiled classes with {@code plugin.properties} beside them, and the
 * third-party jars it bundles in {@code target/lib}. The portal loads it from there with PF4J, in its own class
 * loader, exactly as it loads {@code plugins/<name>/target/classes} of a source checkout in development mode.
 *
 * @param directory the module's folder, the one holding its {@code pom.xml}
 * @param classes the compiled classes and resources, holding {@code plugin.properties}
 * @since 2.0.0
 */
public record PluginModule(Path directory, Path classes) {

    /**
     * Checks that the classes hold a plugin descriptor, so a test that forgot to compile fails with that reason.
     *
     * @throws IllegalArgumentException when {@code plugin.properties} is missing from the classes
     * @since 2.0.0
     */
    public PluginModule {
        directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
        classes = Objects.requireNonNull(classes, "classes").toAbsolutePath().normalize();
        if (!Files.isRegularFile(classes.resolve("plugin.properties"))) {
            throw new IllegalArgumentException("no plugin.properties in " + classes + ": a plugin module keeps it in "
                    + "src/main/plugin (or src/main/resources) so that the build copies it there; run the tests "
                    + "with Maven, which compiles the plugin before its tests");
        }
    }

    /**
     * The module the tests run in: Maven runs a module's tests in its folder, so this is the plugin under test.
     *
     * @return the module in the working directory, with its {@code target/classes}
     * @since 2.0.0
     */
    public static PluginModule underTest() {
        return at(Path.of(""));
    }

    /**
     * Another plugin module, such as a plugin the one under test works with.
     *
     * @param directory the module's folder
     * @return the module with its {@code target/classes}
     * @since 2.0.0
     */
    public static PluginModule at(Path directory) {
        return new PluginModule(directory, directory.resolve("target/classes"));
    }

    /**
     * @return the plugin's id from its {@code plugin.properties}
     * @since 2.0.0
     */
    public String pluginId() {
        Properties descriptor = new Properties();
        try (InputStream in = Files.newInputStream(classes.resolve("plugin.properties"))) {
            descriptor.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String id = descriptor.getProperty("plugin.id");
        if (id == null || id.isBlank()) {
            throw new IllegalStateException(classes.resolve("plugin.properties") + " has no plugin.id");
        }
        return id.trim();
    }

    /** The third-party jars the plugin bundles, which PF4J's development mode reads beside its classes. */
    Path libraries() {
        return directory.resolve("target/lib");
    }
}
