package dev.vitals.core.pluginhost;

import dev.vitals.api.PluginApiVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * A library the host shares with every plugin: its classes always come from the host, because plugin code and host
 * code pass its objects to each other (a Javalin {@code Context}, a Jdbi handle, a jte {@code Content}, the plugin API
 * types themselves). A plugin's own copy of such a class would be a different class with the same name, and the first
 * hand-over would fail with {@code ClassCastException}, {@code LinkageError} or "no extensions found".
 *
 * @param name what an admin calls it, e.g. {@code Javalin}
 * @param packages the class-name prefixes that belong to it, each ending in {@code .}
 * @param artifacts its Maven artifacts as {@code group} (any artifact of the group), {@code group.*} (of the group and
 *     the groups below it) or {@code group:artifact}
 * @param jarNames the artifact ids that name its jars ({@code javalin} for {@code javalin-7.2.3.jar}), to recognise a
 *     jar that carries no Maven metadata
 * @param hostVersion the version the host runs, when the host's class path says
 */
record SharedLibrary(String name, List<String> packages, List<String> artifacts, List<String> jarNames,
        Optional<String> hostVersion) {

    /** Classes below these packages are the plugin's own even though they sit below a shared package. */
    private static final List<String> PLUGIN_OWNED = List.of("gg.jte.generated.");

    private static final List<SharedLibrary> ALL = List.of(
            new SharedLibrary("the Vitals plugin API", List.of("dev.vitals.api."),
                    List.of("dev.vitals:vitals-plugin-api"), List.of("vitals-plugin-api"),
                    Optional.of(PluginApiVersion.CURRENT)),
            library("Javalin", "io.javalin.", List.of("io.javalin"), List.of("javalin"), "io.javalin/javalin"),
            library("Jdbi", "org.jdbi.", List.of("org.jdbi"), List.of("jdbi3-core", "jdbi"), "org.jdbi/jdbi3-core"),
            library("jte", "gg.jte.", List.of("gg.jte"), List.of("jte-runtime", "jte"), "gg.jte/jte-runtime"),
            library("PF4J", "org.pf4j.", List.of("org.pf4j:pf4j"), List.of("pf4j"), "org.pf4j/pf4j"),
            library("SLF4J", "org.slf4j.", List.of("org.slf4j"), List.of("slf4j-api"), "org.slf4j/slf4j-api"),
            library("Jackson", "com.fasterxml.jackson.", List.of("com.fasterxml.jackson.*"),
                    List.of("jackson-databind", "jackson-core", "jackson-annotations"),
                    "com.fasterxml.jackson.core/jackson-databind"),
            library("Jakarta Servlet", "jakarta.servlet.", List.of("jakarta.servlet:jakarta.servlet-api"),
                    List.of("jakarta.servlet-api"), "jakarta.servlet/jakarta.servlet-api"),
            library("Jetty", "org.eclipse.jetty.", List.of("org.eclipse.jetty.*"),
                    List.of("jetty-server", "jetty-util", "jetty-http", "jetty-io"), "org.eclipse.jetty/jetty-server"),
            new SharedLibrary("Kotlin", List.of("kotlin."),
                    List.of("org.jetbrains.kotlin:kotlin-stdlib", "org.jetbrains.kotlin:kotlin-reflect"),
                    List.of("kotlin-stdlib", "kotlin-reflect"), implementationVersion("kotlin.KotlinVersion")));

    /** Whether a class of this name must come from the host. */
    static boolean isShared(String className) {
        return PLUGIN_OWNED.stream().noneMatch(className::startsWith)
                && ALL.stream().anyMatch(library -> library.owns(className));
    }

    /** The shared library a Maven artifact belongs to. */
    static Optional<SharedLibrary> ofArtifact(String groupId, String artifactId) {
        return ALL.stream().filter(library -> library.artifacts.stream()
                .anyMatch(pattern -> matches(pattern, groupId, artifactId))).findFirst();
    }

    /** The shared library whose jar carries this artifact id in its name. */
    static Optional<SharedLibrary> ofJarName(String artifactId) {
        return ALL.stream().filter(library -> library.jarNames.contains(artifactId)).findFirst();
    }

    boolean owns(String className) {
        return packages.stream().anyMatch(className::startsWith);
    }

    private static boolean matches(String pattern, String groupId, String artifactId) {
        int colon = pattern.indexOf(':');
        String group = colon < 0 ? pattern : pattern.substring(0, colon);
        if (colon >= 0 && !pattern.substring(colon + 1).equals(artifactId)) {
            return false;
        }
        if (group.endsWith(".*")) {
            String root = group.substring(0, group.length() - 2);
            return groupId.equals(root) || groupId.startsWith(root + ".");
        }
        return groupId.equals(group);
    }

    private static SharedLibrary library(String name, String packagePrefix, List<String> artifacts,
            List<String> jarNames, String hostArtifact) {
        return new SharedLibrary(name, List.of(packagePrefix), artifacts, jarNames, pomVersion(hostArtifact));
    }

    /** The version in the host's {@code META-INF/maven/<group>/<artifact>/pom.properties}, kept in shaded jars too. */
    private static Optional<String> pomVersion(String groupAndArtifact) {
        URL pom = SharedLibrary.class.getClassLoader()
                .getResource("META-INF/maven/" + groupAndArtifact + "/pom.properties");
        if (pom == null) {
            return Optional.empty();
        }
        try (InputStream in = pom.openStream()) {
            Properties properties = new Properties();
            properties.load(in);
            return Optional.ofNullable(properties.getProperty("version")).filter(v -> !v.isBlank());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kotlin's jars are built without Maven metadata; their manifest names the version. */
    private static Optional<String> implementationVersion(String className) {
        try {
            Class<?> type = Class.forName(className, false, SharedLibrary.class.getClassLoader());
            return Optional.ofNullable(type.getPackage().getImplementationVersion());
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }
}
