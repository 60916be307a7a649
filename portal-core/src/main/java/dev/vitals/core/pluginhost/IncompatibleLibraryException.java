package dev.vitals.core.pluginhost;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.pf4j.PluginRuntimeException;

/**
 * A plugin carries a shared library of another major version than the host's. Its classes would run against the
 * host's copy (shared classes always come from the host), and the first call into an API that changed between the
 * majors would fail somewhere deep inside the plugin; refusing it up front says what to fix instead. A copy of the
 * same major is harmless: the host's wins.
 */
final class IncompatibleLibraryException extends PluginRuntimeException {

    private IncompatibleLibraryException(String message) {
        super(message);
    }

    /** Refuses the plugin at this path when it carries a shared library of another major version. */
    static void refuseIfAny(Path plugin) {
        List<BundledLibrary> clashes = BundledLibrary.in(plugin).stream().filter(BundledLibrary::clashesWithHost)
                .toList();
        if (!clashes.isEmpty()) {
            throw new IncompatibleLibraryException(clashes.stream().map(IncompatibleLibraryException::describe)
                    .collect(Collectors.joining("; ")) + ". A plugin runs on the portal's copy of the libraries it "
                    + "shares with it: build it against the portal's versions and declare them provided, not bundled");
        }
    }

    private static String describe(BundledLibrary clash) {
        return "it bundles " + clash.library().name() + " " + clash.version() + " (" + clash.artifact() + " in "
                + clash.where() + "), but this portal provides " + clash.library().name() + " "
                + clash.library().hostVersion().orElseThrow();
    }

    /** The reason alone: the host shows it to admins as why the plugin could not load. */
    @Override
    public String toString() {
        return getMessage();
    }
}
