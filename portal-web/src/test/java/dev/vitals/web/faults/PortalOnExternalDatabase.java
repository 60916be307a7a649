package dev.vitals.web.faults;

import dev.vitals.core.Vitals;
import dev.vitals.core.config.VitalsConfig;
import dev.vitals.core.database.DatabaseSettings;
import dev.vitals.core.pluginhost.PluginSource;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.plugins.deploys.DeploysPlugin;
import dev.vitals.plugins.example.ExamplePlugin;
import dev.vitals.plugins.slo.SloPlugin;
import dev.vitals.web.PortalServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** A whole portal with the repository's own plugins, in production mode against a database the test supplies. */
final class PortalOnExternalDatabase implements AutoCloseable {

    static final String ADMIN_TOKEN = "external-admin-token-0123456789";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final PortalServer server;

    private PortalOnExternalDatabase(PortalServer server) {
        this.server = server;
    }

    static PluginSource realPlugins() {
        return TestPlugins.of().with("slo", SloPlugin::new).with("deploys", DeploysPlugin::new)
                .with("example", ExamplePlugin::new).source();
    }

    static PortalOnExternalDatabase start(DatabaseSettings database, Map<String, String> extraEnv) {
        try {
            Map<String, String> env = new HashMap<>(extraEnv);
            env.put("VITALS_PORT", "0");
            env.put("VITALS_ADMIN_TOKEN", ADMIN_TOKEN);
            env.put("VITALS_DATA_DIR", Files.createTempDirectory("vitals-external").toString());
            VitalsConfig config = VitalsConfig.fromEnvironment(TestPortal.environment(database, env));
            return new PortalOnExternalDatabase(PortalServer.start(config, realPlugins(), new Vitals.Options(
                    Clock.systemUTC(), Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(1))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Vitals vitals() {
        return server.vitals();
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + server.port() + path);
    }

    HttpRequest.Builder asAdmin(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + ADMIN_TOKEN);
    }

    HttpResponse<String> get(String path) {
        return send(asAdmin(path).GET());
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
