package dev.vitals.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Measures the built distribution from outside: cold start (fresh data directory, so the embedded database runs
 * initdb and every migration), warm start (same directory again), and requests per second with p50/p99 latency
 * at a fixed concurrency for {@code GET /api/health} and, as the floor, a static file served by the same server.
 *
 * <p>Usage: {@code java -cp benchmark/target/classes dev.vitals.benchmark.PortalBenchmark portal-web/target/vitals
 * [concurrency=16] [seconds=20]}
 */
public final class PortalBenchmark {

    private PortalBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path distribution = Path.of(args.length > 0 ? args[0] : "portal-web/target/vitals");
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path dataDir = Files.createTempDirectory("vitals-benchmark");
        int port = freePort();

        Process cold = start(distribution, dataDir, port);
        double coldSeconds = awaitReady(port, cold);
        stop(cold);
        Process warm = start(distribution, dataDir, port);
        double warmSeconds = awaitReady(port, warm);
        try {
            System.out.printf(Locale.ROOT, "cold start to ready (embedded database, fresh data dir): %.2f s%n", coldSeconds);
            System.out.printf(Locale.ROOT, "warm start to ready (same data dir): %.2f s%n", warmSeconds);
            for (String path : List.of("/static/vitals.css", "/api/health")) {
                load(port, path, concurrency, Duration.ofSeconds(10)); // warm-up: JIT and pools
                Result result = load(port, path, concurrency, Duration.ofSeconds(seconds));
                System.out.printf(Locale.ROOT, "GET %-20s concurrency %d, %d s: %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  (%d requests, %d errors)%n",
                        path, concurrency, seconds, result.perSecond(), result.p50Millis(), result.p99Millis(),
                        result.requests(), result.errors());
            }
        } finally {
            stop(warm);
        }
    }

    record Result(long requests, long errors, double perSecond, double p50Millis, double p99Millis) {
    }

    private static Result load(int port, String path, int concurrency, Duration duration) throws Exception {
        ExecutorService clientThreads = Executors.newFixedThreadPool(concurrency);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clientThreads).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            futures.add(workers.submit(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                long errors = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    long took = System.nanoTime() - t0;
                    if (response.statusCode() != 200) {
                        errors++;
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = took;
                }
                long[] result = Arrays.copyOf(latencies, n + 1);
                result[n] = errors;
                return result;
            }));
        }
        List<Long> all = new ArrayList<>();
        long errors = 0;
        for (Future<long[]> future : futures) {
            long[] r = future.get();
            for (int i = 0; i < r.length - 1; i++) {
                all.add(r[i]);
            }
            errors += r[r.length - 1];
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        workers.shutdown();
        clientThreads.shutdown();
        workers.awaitTermination(10, TimeUnit.SECONDS);
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(sorted.length, errors, sorted.length / elapsed, percentile(sorted, 0.50) / 1e6,
                percentile(sorted, 0.99) / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static Process start(Path distribution, Path dataDir, int port) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", distribution.resolve("vitals.jar").toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().removeIf(k -> k.startsWith("VITALS_"));
        builder.environment().put("VITALS_DATA_DIR", dataDir.toString());
        builder.environment().put("VITALS_PORT", String.valueOf(port));
        builder.environment().put("VITALS_ADMIN_TOKEN", "benchmark-admin-token-0000");
        return builder.start();
    }

    private static double awaitReady(int port, Process process) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the portal exited with " + process.exitValue());
            }
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/health/ready")).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return (System.nanoTime() - start) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("not ready within 180 s");
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
