package dev.vitals.api;

/**
 * The version of this API. A plugin states the range it needs in {@code plugin.requires} of its
 * {@code plugin.properties} (for example {@code >=1.0.0 & <2.0.0}); the host refuses a plugin whose range excludes
 * {@link #CURRENT}, naming both versions. The major version changes only when an existing method changes or goes.
 */
public final class PluginApiVersion {

    /** The API version this host implements. */
    public static final String CURRENT = "2.0.0";

    private PluginApiVersion() {
    }
}
