package dev.vitals.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Start-up and the cheapest request: cold start (fresh data directory, so the embedded database runs initdb and
 * every migration), warm start (same directory again), and {@code GET /api/health} beside a static file.
 *
 * <p>Usage: {@code java -cp benchmark/target/classes dev.vitals.benchmark.PortalBenchmark distribution/target/vitals
 * [concurrency=16] [seconds=20]}
 */
public final class PortalBenchmark {

    private PortalBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path distribution = Path.of(args.length > 0 ? args[0] : "distribution/target/vitals");
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        Duration duration = Duration.ofSeconds(args.length > 2 ? Integer.parseInt(args[2]) : 20);
        Path dataDir = Files.createTempDirectory("vitals-benchmark");
        int port = PortalProcess.freePort();
        try (PortalProcess cold = PortalProcess.start(distribution, dataDir, port)) {
            System.out.printf(Locale.ROOT, "cold start to ready (embedded database, fresh data dir): %.2f s%n", cold.secondsToReady);
        }
        try (PortalProcess warm = PortalProcess.start(distribution, dataDir, port)) {
            System.out.printf(Locale.ROOT, "warm start to ready (same data dir): %.2f s%n", warm.secondsToReady);
            System.out.println("| Request | Concurrency | Throughput | p50 | p99 | Errors |");
            System.out.println(LoadGenerator.measure(port, "/static/vitals.css", concurrency, duration, null).line());
            System.out.println(LoadGenerator.measure(port, "/api/health", concurrency, duration, null).line());
        }
    }
}
