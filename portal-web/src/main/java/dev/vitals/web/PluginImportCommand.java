package dev.vitals.web;

import dev.vitals.api.FileImporter;
import dev.vitals.api.RunningPlugin;
import dev.vitals.core.Vitals;
import dev.vitals.core.config.VitalsConfig;
import dev.vitals.core.pluginhost.HostedPlugin;
import dev.vitals.core.pluginhost.PluginFailure;
import dev.vitals.core.pluginhost.PluginSource;
import dev.vitals.core.pluginhost.PluginState;
import dev.vitals.core.pluginhost.PluginStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code java -jar vitals.jar import <pluginId> FILE…}: starts the portal's database and plugins without serving
 * HTTP and hands each file to the plugin's {@link FileImporter}, printing its progress. With the embedded database the
 * portal must not run at the same time, as for {@code import catalog}: both would open the same data directory.
 */
final class PluginImportCommand {

    private PluginImportCommand() {
    }

    /** @return the exit code: 0 all imported, 1 a file failed, 2 a wrong command */
    static int run(VitalsConfig config, PluginSource source, String pluginId, List<Path> files, PrintStream out,
            PrintStream err) {
        for (Path file : files) {
            if (!Files.isReadable(file)) {
                err.println("vitals: cannot read " + file);
                return 2;
            }
        }
        try (Vitals vitals = Vitals.start(config, source, new SimpleMeterRegistry(), Vitals.Options.defaults())) {
            Optional<HostedPlugin> plugin = vitals.plugins().plugin(pluginId);
            if (plugin.isEmpty()) {
                err.println("vitals: there is no plugin " + pluginId + " (plugins: " + vitals.plugins().statuses()
                        .stream().map(PluginStatus::id).sorted().collect(Collectors.joining(", ")) + ")");
                return 2;
            }
            HostedPlugin hosted = plugin.get();
            if (hosted.state() != PluginState.STARTED) {
                err.println("vitals: plugin " + pluginId + " is " + hosted.state() + hosted.status().reason()
                        .map(r -> ": " + r).orElse(""));
                return 1;
            }
            Optional<FileImporter> importer = hosted.call("reading its file importer",
                    () -> hosted.running().flatMap(RunningPlugin::fileImporter));
            if (importer.isEmpty()) {
                err.println("vitals: plugin " + pluginId + " imports no files from the command line");
                return 2;
            }
            for (Path file : files) {
                out.println(file + ":");
                String summary = hosted.call("import of " + file, () -> importer.get().importFile(file,
                        done -> out.printf("  %,d records%n", done)));
                out.println("  " + summary);
            }
            return 0;
        } catch (PluginFailure failure) {
            Throwable cause = failure.getCause() == null ? failure : failure.getCause();
            err.println("vitals: " + cause.getMessage());
            return 1;
        }
    }
}
