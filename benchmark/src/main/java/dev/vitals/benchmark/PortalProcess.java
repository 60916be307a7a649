package dev.vitals.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** {@code java -jar vitals.jar} run as a separate process, the way operators run it. */
final class PortalProcess implements AutoCloseable {

    static final String ADMIN_TOKEN = "benchmark-admin-token-0000";
    private final Process process;
    final int port;
    final double secondsToReady;

    private PortalProcess(Process process, int port, double secondsToReady) {
        this.process = process;
        this.port = port;
        this.secondsToReady = secondsToReady;
    }

    /** Starts the portal and returns once {@code /health/ready} answers 200. */
    static PortalProcess start(Path distribution, Path dataDir, int port, String... args) throws Exception {
        return start(distribution, dataDir, port, Map.of(), null, args);
    }

    /**
     * Starts the portal with more environment (an external database, log levels through {@code JAVA_TOOL_OPTIONS})
     * and its output appended to {@code log}, or discarded when that is null.
     */
    static PortalProcess start(Path distribution, Path dataDir, int port, Map<String, String> env, Path log,
            String... args) throws Exception {
        ProcessBuilder builder = command(distribution, dataDir, port, args);
        builder.environment().putAll(env);
        Process process = builder.redirectOutput(log == null ? ProcessBuilder.Redirect.DISCARD
                : ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        HttpClient client = HttpClient.newHttpClient();
        long start = System.nanoTime();
        // On cores shared with other work a start can take longer; -Dvitals.benchmark.readySeconds=N waits longer.
        long deadline = start + Duration.ofSeconds(Long.getLong("vitals.benchmark.readySeconds", 180)).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the portal exited with " + process.exitValue());
            }
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/health/ready")).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return new PortalProcess(process, port, (System.nanoTime() - start) / 1e9);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException("not ready within " + Duration.ofNanos(deadline - start).toSeconds() + " s");
    }

    /** Runs a one-off command such as {@code import catalog FILE} to its end; returns the seconds it took. */
    static double run(Path distribution, Path dataDir, String... args) throws Exception {
        return run(distribution, dataDir, Map.of(), args);
    }

    /** Runs a one-off command with more environment, such as an external database. */
    static double run(Path distribution, Path dataDir, Map<String, String> env, String... args) throws Exception {
        long start = System.nanoTime();
        ProcessBuilder builder = command(distribution, dataDir, 0, args);
        builder.environment().putAll(env);
        Process process = builder.redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("vitals " + String.join(" ", args) + " exited with " + process.exitValue());
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static ProcessBuilder command(Path distribution, Path dataDir, int port, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", distribution.resolve("vitals.jar").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("VITALS_"));
        builder.environment().put("VITALS_DATA_DIR", dataDir.toString());
        builder.environment().put("VITALS_PORT", String.valueOf(port));
        builder.environment().put("VITALS_ADMIN_TOKEN", ADMIN_TOKEN);
        return builder;
    }

    /**
     * CPU time used so far by the portal and its child processes (the embedded PostgreSQL and its backends). On
     * shared cores, CPU per request says what a page costs when latency also says what the neighbours cost.
     */
    Duration cpuTime() {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    /**
     * Waits until the portal and its database use less than a twentieth of a core over two seconds: what plugins do
     * after a start (building a graph, hearing signals, due jobs) would otherwise be counted against the first
     * requests measured.
     *
     * @return how long it took, or {@code atMost} when the portal never went quiet
     */
    Duration awaitQuiet(Duration atMost) throws InterruptedException {
        Duration window = Duration.ofSeconds(2);
        long start = System.nanoTime();
        while (System.nanoTime() - start < atMost.toNanos()) {
            Duration before = cpuTime();
            Thread.sleep(window.toMillis());
            if (cpuTime().minus(before).toNanos() * 20 < window.toNanos()) {
                break;
            }
        }
        return Duration.ofNanos(Math.min(System.nanoTime() - start, atMost.toNanos()));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
