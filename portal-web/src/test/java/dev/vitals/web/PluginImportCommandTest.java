package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.FileImporter;
import dev.vitals.api.PluginContext;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.VitalsPlugin;
import dev.vitals.core.config.VitalsConfig;
import dev.vitals.core.database.DatabaseSettings;
import dev.vitals.core.pluginhost.PluginSource;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.core.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vitals.jar import <pluginId> FILE…}: the host hands each file to the plugin's importer, printing its progress
 * and summary, and names what is wrong when the plugin or the file is.
 */
class PluginImportCommandTest {

    private static DatabaseSettings database;

    @TempDir
    Path folder;

    @BeforeAll
    static void freshDatabase() {
        database = TestPostgres.freshDatabase();
    }

    /** Counts a file's lines, telling its progress every two lines; a file holding "bad" fails. */
    private static final class LineCounter implements VitalsPlugin {
        @Override
        public RunningPlugin create(PluginContext context) {
            return new RunningPlugin() {
                @Override
                public Optional<FileImporter> fileImporter() {
                    return Optional.of((file, progress) -> {
                        List<String> lines = Files.readAllLines(file);
                        for (int i = 2; i <= lines.size(); i += 2) {
                            progress.accept(i);
                        }
                        if (lines.contains("bad")) {
                            throw new IllegalArgumentException("line " + (lines.indexOf("bad") + 1) + " is bad");
                        }
                        return lines.size() + " lines of " + context.pluginId();
                    });
                }
            };
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private Run run(String pluginId, Path... files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PluginSource plugins = TestPlugins.of().with("lines", LineCounter::new)
                .with("quiet", () -> context -> new RunningPlugin() { }).source();
        VitalsConfig config = VitalsConfig.fromEnvironment(TestPortal.environment(database, Map.of("VITALS_DATA_DIR",
                folder.resolve("data").toString())));
        int exit = PluginImportCommand.run(config, plugins, pluginId, List.of(files),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(folder.resolve(name), text);
    }

    @Test
    void eachFileGoesToThePluginsImporterWithItsProgressAndSummaryPrinted() throws Exception {
        Path first = file("a.txt", "1\n2\n3\n4\n");
        Path second = file("b.txt", "1\n");

        Run run = run("lines", first, second);

        assertEquals(0, run.exit(), run.err());
        assertEquals(first + ":\n  2 records\n  4 records\n  4 lines of lines\n" + second + ":\n  1 lines of lines\n",
                run.out().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void aFileThePluginRefusesStopsTheCommandWithThePluginsMessage() throws Exception {
        Run run = run("lines", file("bad.txt", "ok\nbad\n"), file("never.txt", "1\n"));

        assertEquals(1, run.exit());
        assertTrue(run.err().contains("line 2 is bad"), run.err());
        assertTrue(!run.out().contains("never.txt"), run.out());
    }

    @Test
    void anUnknownPluginOneWithoutImporterOrAMissingFileIsAWrongCommand() throws Exception {
        Path file = file("a.txt", "1\n");

        Run unknown = run("nothing", file);
        Run quiet = run("quiet", file);
        Run missing = run("lines", folder.resolve("absent.csv"));

        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("there is no plugin nothing (plugins: lines, quiet)"), unknown.err());
        assertEquals(2, quiet.exit());
        assertTrue(quiet.err().contains("plugin quiet imports no files"), quiet.err());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("cannot read"), missing.err());
    }
}
