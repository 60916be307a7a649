package dev.vitals.web;

import dev.vitals.core.Vitals;
import dev.vitals.core.config.VitalsConfig;
import dev.vitals.core.database.DatabaseSettings;
import dev.vitals.api.Signal;
import dev.vitals.core.pluginhost.PluginSource;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.core.testing.TestPostgres;
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
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A whole portal on a free port against a fresh test database, with a small HTTP client for it. */
public final class TestServer implements AutoCloseable {

    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";
    private final PortalServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    private TestServer(PortalServer server) {
        this.server = server;
    }

    static TestServer start(PluginSource plugins) {
        return start(plugins, Map.of());
    }

    static TestServer start(PluginSource plugins, Map<String, String> extraEnv) {
        return start(plugins, extraEnv, Clock.systemUTC());
    }

    /** A portal whose sense of time is the test's, for what happens once minutes have passed. */
    static TestServer start(PluginSource plugins, Map<String, String> extraEnv, Clock clock) {
        return start(TestPostgres.freshDatabase(), plugins, extraEnv,
                new Vitals.Options(clock, Duration.ofMillis(200), Duration.ofHours(1), Duration.ofHours(1)));
    }

    /**
     * A portal on the database given, for tests that share one between portals or take it away. With
     * {@code VITALS_DEMO=true} it returns once the demo data is seeded, as tests read it.
     */
    public static TestServer start(DatabaseSettings database, PluginSource plugins, Map<String, String> extraEnv,
            Vitals.Options options) {
        TestServer server = startServing(database, plugins, extraEnv, options);
        try {
            TestPortal.awaitDemoData(server.vitals());
            return server;
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    /**
     * A portal that answers while its demo data (with {@code VITALS_DEMO=true}) is still being seeded, as
     * {@code --demo} does: for a test of what shows until it is in.
     */
    public static TestServer startServing(DatabaseSettings database, PluginSource plugins,
            Map<String, String> extraEnv, Vitals.Options options) {
        try {
            Map<String, String> env = new HashMap<>(extraEnv);
            env.put("VITALS_PORT", "0");
            env.put("VITALS_ADMIN_TOKEN", ADMIN_TOKEN);
            env.put("VITALS_DATA_DIR", Files.createTempDirectory("vitals-web-test").toString());
            VitalsConfig config = VitalsConfig.fromEnvironment(TestPortal.environment(database, env));
            return new TestServer(PortalServer.start(config, plugins, options));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Vitals vitals() {
        return server.vitals();
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + server.port() + path);
    }

    /** A GET as the bootstrap admin. */
    public HttpResponse<String> get(String path) {
        return send(asAdmin(HttpRequest.newBuilder(uri(path))).GET());
    }

    /** A page as the bootstrap admin, asked for the way a browser asks. */
    HttpResponse<String> getPage(String path) {
        return send(asAdmin(HttpRequest.newBuilder(uri(path))).header("Accept", "text/html").GET());
    }

    HttpResponse<String> anonymousGet(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> anonymousPage(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET());
    }

    public static HttpRequest.Builder asAdmin(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + ADMIN_TOKEN);
    }

    PortalServer portal() {
        return server;
    }

    HttpResponse<String> asAdmin(String method, String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + ADMIN_TOKEN)
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits for the signals of {@code ref} to satisfy {@code done}, as plugins publish them after ingest answers.
     *
     * @return the latest signals of {@code ref}, whether or not they got there within ten seconds
     */
    List<Signal> awaitSignals(String ref, Predicate<List<Signal>> done) {
        List<Signal> latest = vitals().signals().latestFor(ref);
        for (int attempt = 0; attempt < 200 && !done.test(latest); attempt++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            latest = vitals().signals().latestFor(ref);
        }
        return latest;
    }

    @Override
    public void close() {
        server.close();
    }
}
