package dev.vitals.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this API. A plugin states the range it needs in {@code plugin.requires} of its
 * {@code plugin.properties} (for example {@code >=2.0.0 & <3.0.0}, stamped by the build from the API it compiles
 * against); the host refuses a plugin whose range excludes {@link #CURRENT}, naming both versions. The major version
 * changes only when an existing type, method or field changes or goes; a minor version only adds.
 *
 * @since 1.0.0
 */
public final class PluginApiVersion {

    /**
     * The API version this host implements: the Maven version of the plugin-api artifact, which the build writes
     * into {@code dev/vitals/api/plugin-api.properties}. Not a compile-time constant, so a plugin reads the host's
     * value at run time instead of the one it was compiled against.
     */
    public static final String CURRENT = read();

    private PluginApiVersion() {
    }

    private static String read() {
        Properties properties = new Properties();
        try (InputStream in = PluginApiVersion.class.getResourceAsStream("plugin-api.properties")) {
            if (in == null) {
                throw new IllegalStateException("dev/vitals/api/plugin-api.properties is missing from the "
                        + "plugin-api jar; it is written by the build");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = properties.getProperty("version", "");
        if (!version.matches("\\d+\\.\\d+\\.\\d+.*")) {
            throw new IllegalStateException("dev/vitals/api/plugin-api.properties holds version '" + version
                    + "'; was it copied without Maven's resource filtering?");
        }
        return version;
    }
}
