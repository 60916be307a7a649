package dev.vitals.core.pluginhost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.PluginApiVersion;
import dev.vitals.api.PluginContext;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.VitalsPlugin;
import dev.vitals.core.pluginhost.bundled.BundlingPlugin;
import io.javalin.Javalin;
import kotlin.KotlinVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins that carry their own copies of libraries the host shares: the host's copy wins when the majors agree, and
 * the plugin is refused, naming the library and both versions, when they do not. Real PF4J discovery over plugin jars
 * and folders written here.
 */
class PluginClassLoadingTest {

    private static final String EXTENSION = BundlingPlugin.class.getName();

    @TempDir
    Path plugins;

    @Test
    void aPluginJarThatBundlesThePluginApiStartsAndItsExtensionIsFound() {
        Map<String, byte[]> jar = pluginFiles("bundling");
        for (Class<?> api : List.of(VitalsPlugin.class, RunningPlugin.class, PluginContext.class)) {
            jar.put(classFile(api), hostClassBytes(api));
        }
        jar.put("META-INF/maven/dev.vitals/vitals-plugin-api/pom.properties", pom("dev.vitals", "vitals-plugin-api",
                PluginApiVersion.CURRENT));
        // Its own Maven metadata, in the Vitals group but not the API: no library of the host's.
        jar.put("META-INF/maven/dev.vitals.plugins/vitals-plugin-bundling/pom.properties",
                pom("dev.vitals.plugins", "vitals-plugin-bundling", "0.3.0"));
        writeJar(plugins.resolve("bundling.jar"), jar);

        DiscoveredPlugin found = onlyDiscovered();

        assertEquals(Optional.empty(), found.loadError());
        VitalsPlugin factory = found.factory().orElseThrow();
        assertEquals(EXTENSION, factory.getClass().getName());
        assertSame(found.classLoader(), factory.getClass().getClassLoader(), "the extension is the plugin's own");
    }

    @Test
    void aPluginThatBundlesJavalinOfTheHostsMajorRunsOnTheHostsJavalin() throws Exception {
        Path folder = pluginFolder("bundling");
        writeJar(folder.resolve("lib/javalin-" + hostVersion("io.javalin/javalin") + ".jar"), Map.of(
                "io/javalin/Javalin.class", hostClassBytes(Javalin.class),
                "META-INF/maven/io.javalin/javalin/pom.properties",
                pom("io.javalin", "javalin", hostVersion("io.javalin/javalin"))));

        DiscoveredPlugin found = onlyDiscovered();

        assertEquals(Optional.empty(), found.loadError());
        assertInstanceOf(VitalsPlugin.class, found.factory().orElseThrow());
        assertSame(Javalin.class, found.classLoader().loadClass("io.javalin.Javalin"));
        assertSame(found.classLoader(), found.factory().orElseThrow().getClass().getClassLoader(),
                "the plugin's own classes still come from the plugin");
        assertTrue(found.classLoader().getResource("io/javalin/Javalin.class").toString()
                .contains(Javalin.class.getProtectionDomain().getCodeSource().getLocation().getPath()));
    }

    @Test
    void aPluginThatBundlesJavalin6IsRefusedNamingJavalinAndBothVersions() {
        Path folder = pluginFolder("bundling");
        writeJar(folder.resolve("lib/javalin-6.1.3.jar"), Map.of(
                "io/javalin/Javalin.class", hostClassBytes(Javalin.class),
                "META-INF/maven/io.javalin/javalin/pom.properties", pom("io.javalin", "javalin", "6.1.3")));

        DiscoveredPlugin found = onlyDiscovered();

        assertEquals(Optional.empty(), found.factory(), "none of its code ran");
        String reason = found.loadError().orElseThrow();
        assertTrue(reason.contains("it bundles Javalin 6.1.3 (io.javalin:javalin in lib/javalin-6.1.3.jar"), reason);
        assertTrue(reason.contains("this portal provides Javalin " + hostVersion("io.javalin/javalin")), reason);
    }

    @Test
    void aPluginJarWithJdbi2ShadedInIsRefusedNamingJdbiAndBothVersions() {
        Map<String, byte[]> jar = pluginFiles("bundling");
        jar.put("META-INF/maven/org.jdbi/jdbi/pom.properties", pom("org.jdbi", "jdbi", "2.78"));
        writeJar(plugins.resolve("bundling.jar"), jar);

        String reason = onlyDiscovered().loadError().orElseThrow();

        assertTrue(reason.contains("it bundles Jdbi 2.78 (org.jdbi:jdbi in bundling.jar"), reason);
        assertTrue(reason.contains("this portal provides Jdbi " + hostVersion("org.jdbi/jdbi3-core")), reason);
    }

    @Test
    void aKotlinJarWithoutMavenMetadataIsKnownByItsNameAndRefusedForAnotherMajor() {
        Path folder = pluginFolder("bundling");
        writeJar(folder.resolve("lib/kotlin-stdlib-1.9.0.jar"), Map.of("kotlin/Unit.class", new byte[] {0}));

        String reason = onlyDiscovered().loadError().orElseThrow();

        assertTrue(reason.contains("it bundles Kotlin 1.9.0 (kotlin-stdlib in lib/kotlin-stdlib-1.9.0.jar)"), reason);
        assertTrue(reason.contains("this portal provides Kotlin " + KotlinVersion.CURRENT), reason);
    }

    @Test
    void aPluginModuleInDevelopmentThatBundlesThePluginApiStartsAndItsExtensionIsFound() {
        Path module = pluginModule("bundling");
        write(module.resolve("target/classes/" + classFile(VitalsPlugin.class)), hostClassBytes(VitalsPlugin.class));

        DiscoveredPlugin found = onlyDiscovered();

        assertEquals(Optional.empty(), found.loadError());
        assertEquals(EXTENSION, found.factory().orElseThrow().getClass().getName());
    }

    @Test
    void aPluginModuleInDevelopmentWithJackson1InItsLibIsRefusedNamingJacksonAndBothVersions() {
        Path module = pluginModule("bundling");
        writeJar(module.resolve("target/lib/jackson-databind-1.9.13.jar"), Map.of(
                "META-INF/maven/com.fasterxml.jackson.core/jackson-databind/pom.properties",
                pom("com.fasterxml.jackson.core", "jackson-databind", "1.9.13")));

        String reason = onlyDiscovered().loadError().orElseThrow();

        assertTrue(reason.startsWith("could not load: it bundles Jackson 1.9.13 (com.fasterxml.jackson.core:"
                + "jackson-databind in target/lib/jackson-databind-1.9.13.jar"), reason);
        assertTrue(reason.contains("this portal provides Jackson "
                + hostVersion("com.fasterxml.jackson.core/jackson-databind")), reason);
    }

    private DiscoveredPlugin onlyDiscovered() {
        List<DiscoveredPlugin> found = new Pf4jPluginSource(plugins).discover();
        assertEquals(1, found.size(), "discovered " + found);
        return found.get(0);
    }

    /** A plugin as PF4J unpacks one: plugin.properties, classes/ and lib/. */
    private Path pluginFolder(String id) {
        Path folder = plugins.resolve(id);
        pluginFiles(id).forEach((name, bytes) -> write(folder.resolve(name.equals("plugin.properties") ? name
                : "classes/" + name), bytes));
        return folder;
    }

    /** A plugin module of a source checkout, as development mode reads it: pom.xml and target/classes. */
    private Path pluginModule(String id) {
        Path module = plugins.resolve(id);
        write(module.resolve("pom.xml"), "<project/>".getBytes(StandardCharsets.UTF_8));
        pluginFiles(id).forEach((name, bytes) -> write(module.resolve("target/classes/" + name), bytes));
        return module;
    }

    /** The descriptor, the extension index and the extension's class files. */
    private static Map<String, byte[]> pluginFiles(String id) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("plugin.properties", ("plugin.id=" + id + "\nplugin.version=0.3.0\nplugin.requires=>="
                + PluginApiVersion.CURRENT + "\n").getBytes(StandardCharsets.UTF_8));
        files.put("META-INF/extensions.idx", (EXTENSION + "\n").getBytes(StandardCharsets.UTF_8));
        files.put(classFile(BundlingPlugin.class), hostClassBytes(BundlingPlugin.class));
        files.put(classFile(BundlingPlugin.class).replace(".class", "$1.class"),
                resource(classFile(BundlingPlugin.class).replace(".class", "$1.class")));
        return files;
    }

    private static byte[] pom(String group, String artifact, String version) {
        return ("groupId=" + group + "\nartifactId=" + artifact + "\nversion=" + version + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String hostVersion(String groupAndArtifact) {
        Properties pom = new Properties();
        try (InputStream in = new ByteArrayInputStream(resource("META-INF/maven/" + groupAndArtifact + "/pom.properties"))) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }

    private static String classFile(Class<?> type) {
        return type.getName().replace('.', '/') + ".class";
    }

    private static byte[] hostClassBytes(Class<?> type) {
        return resource(classFile(type));
    }

    private static byte[] resource(String name) {
        try (InputStream in = PluginClassLoadingTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("not on the test class path: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeJar(Path jar, Map<String, byte[]> entries) {
        try {
            Files.createDirectories(jar.getParent());
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
                for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                    out.putNextEntry(new JarEntry(entry.getKey()));
                    out.write(entry.getValue());
                    out.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
