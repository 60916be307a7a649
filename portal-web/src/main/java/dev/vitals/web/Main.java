package dev.vitals.web;

import dev.vitals.core.Vitals;
import dev.vitals.core.config.ConfigException;
import dev.vitals.core.config.VitalsConfig;
import dev.vitals.core.identity.SignInMode;
import dev.vitals.core.pluginhost.Pf4jPluginSource;
import dev.vitals.core.pluginhost.PluginStatus;
import java.io.PrintStream;
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
        if (args.length > 0) {
            boolean help = args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h");
            (help ? out : System.err).println("""
                    Usage: java -jar vitals.jar
                      Starts the portal. Configuration comes from VITALS_* environment variables; see README.md.""");
            System.exit(help ? 0 : 2);
        }
        VitalsConfig config;
        try {
            config = VitalsConfig.fromEnvironment(System.getenv());
        } catch (ConfigException e) {
            System.err.println("vitals: " + e.getMessage());
            System.exit(2);
            return;
        }
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
