package dev.vitals.web.faults;

import dev.vitals.core.database.DatabaseSettings;
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
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar vitals.jar} of the built distribution as its own process, on an external database, the way
 * {@code DistributionIT} starts it; and killed the way a crash, the OOM killer or a pulled plug ends it: SIGKILL, with
 * no shutdown hook, no finally block and no flush.
 */
final class PortalProcess implements AutoCloseable {

    static final String TOKEN = "fault-injection-admin-token-0123456789";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final Process process;
    private final Path log;
    private final int port;

    private PortalProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** The built distribution: {@code target/vitals}, as failsafe tells. */
    static Path distribution() {
        Path distribution = Path.of(System.getProperty("vitals.distribution", "target/vitals"));
        if (!Files.isRegularFile(distribution.resolve("vitals.jar"))) {
            throw new IllegalStateException("no " + distribution.resolve("vitals.jar") + ": run 'mvn verify'");
        }
        return distribution;
    }

    /** Starts a portal on a free port and returns once it is ready; {@code env} adds to the database settings. */
    static PortalProcess start(DatabaseSettings database, Path pluginsDir, Map<String, String> env) throws Exception {
        PortalProcess portal = launch(database, pluginsDir, env);
        portal.awaitReady();
        return portal;
    }

    /** Starts a portal and returns at once: start several with this, then {@link #awaitReady()} each. */
    static PortalProcess launch(DatabaseSettings database, Path pluginsDir, Map<String, String> env) throws Exception {
        int port = freePort();
        Path log = Files.createTempFile("vitals-fault", ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar",
                distribution().resolve("vitals.jar").toAbsolutePath().toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("VITALS_"));
        builder.environment().put("VITALS_DB_URL", database.url());
        builder.environment().put("VITALS_DB_USER", database.user());
        builder.environment().put("VITALS_DB_PASSWORD", database.password());
        builder.environment().put("VITALS_DATA_DIR", Files.createTempDirectory("vitals-fault-data").toString());
        builder.environment().put("VITALS_PLUGINS_DIR", pluginsDir.toString());
        builder.environment().put("VITALS_PORT", String.valueOf(port));
        builder.environment().put("VITALS_ADMIN_TOKEN", TOKEN);
        builder.environment().putAll(env);
        return new PortalProcess(builder.start(), log, port);
    }

    void awaitReady() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the portal exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                if (get("/health/ready").statusCode() == 200 && output().contains("Vitals is ready")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the portal was not ready within 120 s:\n" + output());
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL, as {@code kill -9}: the JVM ends at once, mid-request and mid-transaction. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("portal " + process.pid() + " still runs 30 s after SIGKILL");
        }
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(120));
    }

    HttpClient http() {
        return HTTP;
    }

    String output() throws IOException {
        return Files.readString(log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
