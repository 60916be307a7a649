package dev.vitals.core.pluginhost;

import dev.vitals.api.PluginApiVersion;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pf4j.DefaultVersionManager;
import org.pf4j.VersionManager;

/**
 * Whether a plugin's {@code plugin.requires} range admits this portal's plugin API, and, when it does not, what the
 * admin reads: both versions, and which side to change. A plugin built against a newer minor needs a newer portal (or
 * a build against this portal's API); a plugin of an older major needs a rebuild.
 */
final class ApiCompatibility {

    private static final VersionManager VERSIONS = new DefaultVersionManager();
    // A lower bound of a range: ">=2.1.0", ">2.1.0", "=2.1.0" or a bare "2.1.0"; never the "<3.0.0" of an upper one.
    private static final Pattern LOWER_BOUND = Pattern.compile("(?:^|[\\s&|(])(?:>=?|=)?\\s*(\\d+\\.\\d+\\.\\d+)");

    private ApiCompatibility() {
    }

    /** Why a plugin with this {@code plugin.requires} may not run on this portal; empty when it may. */
    static Optional<String> refusal(String requires) {
        return refusal(requires, PluginApiVersion.CURRENT);
    }

    static Optional<String> refusal(String requires, String current) {
        if (requires.isBlank()) {
            return Optional.empty();
        }
        boolean admitted;
        try {
            admitted = VERSIONS.checkVersionConstraint(current, requires);
        } catch (RuntimeException e) {
            return Optional.of("plugin.requires '" + requires + "' is not a version range like >=2.0.0 & <3.0.0 "
                    + "(the plugin's build stamps it; was plugin.properties copied without filtering?)");
        }
        if (admitted) {
            return Optional.empty();
        }
        String line = current.replaceFirst("^(\\d+\\.\\d+).*", "$1");
        String advice = needsNewerPortal(requires, current)
                ? "upgrade the portal or build the plugin against " + line
                : "build the plugin against " + line;
        return Optional.of("built for plugin API " + requires + ", but this portal provides " + current + "; "
                + advice);
    }

    private static boolean needsNewerPortal(String requires, String current) {
        Matcher bound = LOWER_BOUND.matcher(requires);
        while (bound.find()) {
            if (VERSIONS.compareVersions(bound.group(1), current) > 0) {
                return true;
            }
        }
        return false;
    }
}
