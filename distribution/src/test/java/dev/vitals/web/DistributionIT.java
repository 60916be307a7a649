package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built distribution, used as a person would: {@code java -jar vitals.jar} with a fresh data directory and the
 * embedded database and the plugins it ships; then a plugin dropped into a plugins folder, its switch, and a restart.
 */
class DistributionIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "distribution-test-admin-token";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theDistributionShipsSloDeploysAndGraphAndAPluginAddedLaterStartsAndKeepsAnAdminsSwitch(@TempDir Path dataDir,
            @TempDir Path pluginsDir) throws Exception {
        Path distribution = Path.of(System.getProperty("vitals.distribution", "target/vitals"));
        assertTrue(Files.isRegularFile(distribution.resolve("vitals.jar")), "run 'mvn package' first");
        int port = freePort();

        try (RunningPortal portal = RunningPortal.start(distribution, dataDir, port, TOKEN, Optional.empty())) {
            assertTrue(portal.output().contains("http://localhost:" + port + "/"), portal.output());
            assertFalse(portal.output().contains("Plugin example"), "the example plugin is not shipped");
            assertEquals(401, http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/slo/slos"))
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode(), "anonymous callers are refused");
            JsonNode health = JSON.readTree(get(port, "/api/health").body());
            assertEquals("UP", health.get("status").asText());
            assertEquals(Map.of("slo", "STARTED", "deploys", "STARTED", "cost", "STARTED", "graph", "STARTED",
                    "priorities", "STARTED"), pluginStates(health),
                    "every plugin the distribution ships started, and only those");
            assertEquals(404, get(port, "/p/example/").statusCode());
            // The graph plugin bundles JGraphT relocated in its jar: its algorithms and exporters answer from there.
            assertEquals(200, get(port, "/api/graph/cycles").statusCode());
            assertTrue(get(port, "/api/graph/export?format=graphml").body().contains("<graphml"));

            // The SLO plugin reads YAML with the parser bundled into its own jar: a Sloth spec is parsed and then
            // refused only because this empty catalog has no such service.
            HttpResponse<String> sloth = send(port, "POST", "/api/slo/import",
                    "version: prometheus/v1\nservice: myservice\nslos:\n  - name: ok\n    objective: 99.9\n"
                            + "    sli: {events: {error_query: e, total_query: t}}\n");
            assertEquals(422, sloth.statusCode(), sloth.body());
            assertTrue(sloth.body().contains("no service or availability component 'myservice'"), sloth.body());
        }

        // A plugin author's path: the example plugin's jar, built apart, dropped beside the shipped plugins.
        try (Stream<Path> shipped = Files.list(distribution.resolve("plugins"))) {
            for (Path jar : shipped.toList()) {
                Files.copy(jar, pluginsDir.resolve(jar.getFileName()));
            }
        }
        Files.copy(examplePluginJar(), pluginsDir.resolve("vitals-plugin-example.jar"));

        try (RunningPortal portal = RunningPortal.start(distribution, dataDir, port, TOKEN, Optional.of(pluginsDir))) {
            assertTrue(portal.output().contains("Plugin example"), portal.output());
            assertEquals(Map.of("slo", "STARTED", "deploys", "STARTED", "cost", "STARTED", "graph", "STARTED",
                    "priorities", "STARTED", "example", "STARTED"),
                    pluginStates(JSON.readTree(get(port, "/api/health").body())));
            HttpResponse<String> page = get(port, "/p/example/");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<title>Notes · Vitals</title>"), page.body());
            assertEquals(201, send(port, "POST", "/api/example/notes", "{\"service\":\"artist-lookup\",\"body\":\"kept\"}").statusCode());
            assertTrue(get(port, "/api/example/notes").body().contains("\"body\":\"kept\""));

            assertEquals(200, send(port, "PUT", "/api/admin/plugins/example", "{\"enabled\": false}").statusCode());
            assertEquals(404, get(port, "/api/example/notes").statusCode());
            assertEquals(404, get(port, "/p/example/").statusCode());
        }

        try (RunningPortal restarted = RunningPortal.start(distribution, dataDir, port, TOKEN, Optional.of(pluginsDir))) {
            assertTrue(restarted.output().contains("Plugin example 0.1.0-SNAPSHOT: DISABLED (disabled by admin at "),
                    restarted.output());
            assertEquals(404, get(port, "/api/example/notes").statusCode());
            assertEquals(200, send(port, "PUT", "/api/admin/plugins/example", "{\"enabled\": true}").statusCode());
            HttpResponse<String> notes = get(port, "/api/example/notes");
            assertEquals(200, notes.statusCode());
            assertTrue(notes.body().contains("\"body\":\"kept\""), "the plugin's data outlived the restart: " + notes.body());
        }
    }

    /** The example plugin's jar, which the build copies beside the distribution, not into it. */
    private static Path examplePluginJar() throws IOException {
        Path dir = Path.of(System.getProperty("vitals.examplePlugin", "target/example-plugin"));
        try (Stream<Path> jars = Files.list(dir)) {
            List<Path> found = jars.filter(f -> f.getFileName().toString().matches("vitals-plugin-example-.*\\.jar"))
                    .toList();
            assertEquals(1, found.size(), "one example plugin jar in " + dir + ": " + found);
            return found.get(0);
        }
    }

    /** Plugin id to state; PF4J finds the plugins in no set order. */
    private static Map<String, String> pluginStates(JsonNode health) {
        Map<String, String> states = new TreeMap<>();
        health.get("plugins").forEach(p -> states.put(p.get("id").asText(), p.get("state").asText()));
        return states;
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(int port, String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", body.startsWith("{") ? "application/json" : "application/yaml")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** One {@code java -jar vitals.jar} process, stopped like an operator would (SIGTERM). */
    static final class RunningPortal implements AutoCloseable {
        private final Process process;
        private final Path log;

        private RunningPortal(Process process, Path log) {
            this.process = process;
            this.log = log;
        }

        static RunningPortal start(Path distribution, Path dataDir, int port, String token,
                Optional<Path> pluginsDir) throws Exception {
            Path log = Files.createTempFile("vitals-distribution", ".log");
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    distribution.resolve("vitals.jar").toAbsolutePath().toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("VITALS_"));
            builder.environment().put("VITALS_DATA_DIR", dataDir.toString());
            builder.environment().put("VITALS_PORT", String.valueOf(port));
            builder.environment().put("VITALS_ADMIN_TOKEN", token);
            pluginsDir.ifPresent(dir -> builder.environment().put("VITALS_PLUGINS_DIR", dir.toString()));
            RunningPortal portal = new RunningPortal(builder.start(), log);
            portal.awaitReady(port);
            return portal;
        }

        private void awaitReady(int port) throws Exception {
            HttpClient client = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("the portal exited with " + process.exitValue() + ":\n" + output());
                }
                try {
                    HttpResponse<Void> ready = client.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/health/ready")).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (ready.statusCode() == 200 && output().contains("Vitals is ready")) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
            throw new AssertionError("the portal was not ready within 120 s:\n" + output());
        }

        String output() throws IOException {
            return Files.readString(log);
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
