package dev.vitals.web;

import dev.vitals.core.Vitals;
import dev.vitals.core.config.ConfigException;
import dev.vitals.core.config.VitalsConfig;
import dev.vitals.core.identity.SignInMode;
import dev.vitals.core.pluginhost.Pf4jPluginSource;
import dev.vitals.core.pluginhost.PluginStatus;
import dev.vitals.core.audit.Actor;
import dev.vitals.core.catalog.ImportReport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -jar vitals.jar}: starts the portal with the configuration in the environment and prints what it runs.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        Map<String, String> env = new HashMap<>(System.getenv());
        List<String> arguments = List.of(args);
        if (arguments.equals(List.of("--demo"))) {
            env.put("VITALS_DEMO", "true");
        } else if (arguments.size() == 3 && arguments.get(0).equals("import") && arguments.get(1).equals("catalog")) {
            System.exit(importCatalog(config(env), arguments.get(2), out));
        } else if (arguments.size() >= 3 && arguments.get(0).equals("import")) {
            VitalsConfig config = config(env);
            System.exit(PluginImportCommand.run(config, new Pf4jPluginSource(config.pluginsDir()
                    .orElseGet(Main::defaultPluginsDir)), arguments.get(1), arguments.subList(2, arguments.size())
                    .stream().map(Path::of).toList(), out, System.err));
        } else if (!arguments.isEmpty()) {
            boolean help = List.of("help", "--help", "-h").contains(arguments.get(0));
            (help ? out : System.err).println(USAGE);
            System.exit(help ? 0 : 2);
        }
        VitalsConfig config = config(env);
        Pf4jPluginSource plugins = new Pf4jPluginSource(config.pluginsDir().orElseGet(Main::defaultPluginsDir));
        out.println("Vitals: plugins from " + plugins.directory()
                + (plugins.developmentMode() ? " (development mode: plugin modules' target/classes)" : ""));
        out.println("Vitals: database " + config.database().map(d -> d.url())
                .orElse("embedded PostgreSQL in " + config.dataDir().resolve("postgres")));
        PortalServer server;
        try {
            server = PortalServer.start(config, plugins, Vitals.Options.defaults());
        } catch (ConfigException e) {
            System.err.println("vitals: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "vitals-shutdown"));
        for (PluginStatus status : server.vitals().plugins().statuses()) {
            out.println("Plugin " + status.id() + " " + status.version() + ": " + status.state()
                    + status.reason().map(r -> " (" + r + ")").orElse(""));
        }
        if (server.adminToken().generatedNow() && config.identity().mode() == SignInMode.DEV) {
            out.println("Admin token (shown once; also in " + server.adminToken().file().orElseThrow() + "): "
                    + server.adminToken().value());
            out.println("Sign in with it at http://localhost:" + server.port() + "/login");
        }
        out.println("Sign-in: " + config.identity().mode().name().toLowerCase());
        out.println("Vitals is ready: http://localhost:" + server.port() + "/");
        server.vitals().plugins().demoProgress().filter(p -> p.loading()).ifPresent(p -> out.println(
                "Demo data: seeding in the background (" + String.join(", ", p.pending()) + "); /api/health says "
                        + "\"demo\": \"loaded\" once it is all in"));
    }

    private static final String USAGE = """
            Usage:
              java -jar vitals.jar                       start the portal
              java -jar vitals.jar --demo                start it with a demo organisation (same as VITALS_DEMO=true)
              java -jar vitals.jar import catalog PATH   import Backstage descriptors from a file, folder or URL
              java -jar vitals.jar import PLUGIN FILE…   import files with a plugin's importer, e.g. import cost x.csv.gz
            Configuration comes from VITALS_* environment variables; see README.md.""";

    private static VitalsConfig config(Map<String, String> env) {
        try {
            return VitalsConfig.fromEnvironment(env);
        } catch (ConfigException e) {
            System.err.println("vitals: " + e.getMessage());
            System.exit(2);
            throw e;
        }
    }

    /**
     * Imports a catalog source with the portal's own database and registers it for refresh. With the embedded
     * database the portal must not be running at the same time: both would open the same data directory.
     */
    private static int importCatalog(VitalsConfig config, String location, PrintStream out) {
        try (Vitals vitals = Vitals.startWithoutPlugins(config, new SimpleMeterRegistry(), Vitals.Options.defaults())) {
            ImportReport report = vitals.catalogSources().importLocation(location,
                    new Actor("cli:" + System.getProperty("user.name"), Optional.empty()), line -> out.println("  " + line));
            out.println(report.summary());
            report.problems().forEach(p -> out.println("  " + p));
            return report.applied() ? 0 : 1;
        } catch (IllegalArgumentException e) {
            System.err.println("vitals: " + e.getMessage());
            return 2;
        }
    }

    /** {@code plugins/} beside vitals.jar; {@code plugins/} of the working directory when run from classes. */
    private static Path defaultPluginsDir() {
        try {
            Path code = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(code)) {
                return code.getParent().resolve("plugins");
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall through to the working directory
        }
        return Path.of("plugins");
    }
}
