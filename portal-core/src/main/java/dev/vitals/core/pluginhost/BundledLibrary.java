package dev.vitals.core.pluginhost;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A copy of a {@link SharedLibrary} that a plugin carries: classes shaded into its jar (found by their
 * {@code META-INF/maven/<group>/<artifact>/pom.properties}), or a jar in its {@code lib} folder.
 *
 * @param library which shared library it is
 * @param artifact its Maven coordinates {@code group:artifact}, or the jar's name when it carries none
 * @param version the version it says it is
 * @param where where in the plugin it was found, for the admin who has to fix it
 */
record BundledLibrary(SharedLibrary library, String artifact, String version, String where) {

    private static final Pattern POM_PROPERTIES = Pattern.compile("META-INF/maven/[^/]+/[^/]+/pom\\.properties");
    private static final Pattern VERSIONED_JAR = Pattern.compile("(.+?)-(\\d+(?:\\.\\d+)*(?:[.-][\\w.-]*)?)\\.jar");
    // Where PF4J looks for a plugin's classes and jars: a plugin folder (or unpacked zip), and a module in development.
    private static final List<String> CLASS_FOLDERS = List.of("classes", "target/classes");
    private static final List<String> LIB_FOLDERS = List.of("lib", "target/lib");

    /** Whether this copy's major version differs from the host's, so code built against it breaks on the host's. */
    boolean clashesWithHost() {
        return library.hostVersion()
                .flatMap(BundledLibrary::major)
                .flatMap(host -> major(version).map(bundled -> !bundled.equals(host)))
                .orElse(false);
    }

    /** The shared libraries a plugin (a jar, or a folder as PF4J unpacks or develops it) carries. */
    static List<BundledLibrary> in(Path plugin) {
        List<BundledLibrary> found = new ArrayList<>();
        try {
            if (Files.isRegularFile(plugin)) {
                found.addAll(inJar(plugin, plugin.getFileName().toString()));
                return found;
            }
            for (String folder : CLASS_FOLDERS) {
                found.addAll(inClassFolder(plugin, folder));
            }
            for (String folder : LIB_FOLDERS) {
                Path lib = plugin.resolve(folder);
                if (!Files.isDirectory(lib)) {
                    continue;
                }
                try (Stream<Path> jars = Files.list(lib)) {
                    for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                        found.addAll(inJar(jar, folder + "/" + jar.getFileName()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read plugin " + plugin, e);
        }
        return found;
    }

    private static List<BundledLibrary> inClassFolder(Path plugin, String folder) throws IOException {
        Path maven = plugin.resolve(folder).resolve("META-INF/maven");
        if (!Files.isDirectory(maven)) {
            return List.of();
        }
        List<BundledLibrary> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(maven)) {
            for (Path pom : files.filter(p -> p.getFileName().toString().equals("pom.properties")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(pom)) {
                    fromPomProperties(in, folder + "/" + plugin.resolve(folder).relativize(pom)).ifPresent(found::add);
                }
            }
        }
        return found;
    }

    private static List<BundledLibrary> inJar(Path jar, String where) throws IOException {
        List<BundledLibrary> found = new ArrayList<>();
        boolean described = false;
        try (JarFile file = new JarFile(jar.toFile())) {
            for (ZipEntry entry : file.stream().filter(e -> POM_PROPERTIES.matcher(e.getName()).matches()).toList()) {
                described = true;
                try (InputStream in = file.getInputStream(entry)) {
                    fromPomProperties(in, where + "!/" + entry.getName()).ifPresent(found::add);
                }
            }
            if (!described) {
                fromJarName(jar.getFileName().toString(), file.getManifest(), where).ifPresent(found::add);
            }
        }
        return found;
    }

    private static Optional<BundledLibrary> fromPomProperties(InputStream in, String where) throws IOException {
        Properties pom = new Properties();
        pom.load(in);
        String group = pom.getProperty("groupId", "");
        String artifact = pom.getProperty("artifactId", "");
        String version = pom.getProperty("version", "");
        return SharedLibrary.ofArtifact(group, artifact)
                .map(library -> new BundledLibrary(library, group + ":" + artifact, version, where));
    }

    /** A jar built without Maven metadata (Kotlin's, for one): its name, else its manifest, says what it is. */
    private static Optional<BundledLibrary> fromJarName(String fileName, Manifest manifest, String where) {
        Matcher named = VERSIONED_JAR.matcher(fileName);
        if (named.matches()) {
            return SharedLibrary.ofJarName(named.group(1))
                    .map(library -> new BundledLibrary(library, named.group(1), named.group(2), where));
        }
        if (manifest == null) {
            return Optional.empty();
        }
        String title = manifest.getMainAttributes().getValue("Implementation-Title");
        String version = manifest.getMainAttributes().getValue("Implementation-Version");
        if (title == null || version == null) {
            return Optional.empty();
        }
        return SharedLibrary.ofJarName(title).map(library -> new BundledLibrary(library, title, version, where));
    }

    private static Optional<String> major(String version) {
        Matcher major = Pattern.compile("(\\d+)\\b.*").matcher(version);
        return major.matches() ? Optional.of(major.group(1)) : Optional.empty();
    }
}
