package dev.vitals.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A newcomer's first minute: {@code java -jar vitals.jar --demo} on a fresh data directory, timed to
 * {@code /health/ready} (the portal serves; target under 10 s on 2 idle cores), to the first home page, and to
 * {@code /api/health} saying {@code "demo": "loaded"} (the demo data, seeded in the background, is all in). Prints the
 * CPU the portal and its PostgreSQL used by each moment, and each part of the demo's seeding from the log.
 *
 * <p>Usage: {@code java -cp 'benchmark/target/classes:benchmark/target/lib/*' dev.vitals.benchmark.DemoStartBenchmark
 * distribution/target/vitals [runs=1]}
 */
public final class DemoStartBenchmark {

    private static final Pattern STEP = Pattern.compile("Demo data: (.+ in \\d+ ms|all seeded, \\d+ ms .*)$");

    private DemoStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path distribution = Path.of(args.length > 0 ? args[0] : "distribution/target/vitals");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        for (int run = 1; run <= runs; run++) {
            measure(distribution, run);
        }
    }

    private static void measure(Path distribution, int run) throws Exception {
        Path dataDir = Files.createTempDirectory("vitals-demo-start");
        Path log = Files.createTempFile("vitals-demo-start", ".log");
        int port = PortalProcess.freePort();
        long launched = System.nanoTime();
        try (PortalProcess portal = PortalProcess.start(distribution, dataDir, port, java.util.Map.of(), log,
                "--demo")) {
            double ready = portal.secondsToReady;
            Duration readyCpu = portal.cpuTime();
            HttpClient client = HttpClient.newHttpClient();
            int home = client.send(request(port, "/").build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            double homeAt = seconds(launched);
            double loaded = awaitLoaded(client, port, launched);
            Duration loadedCpu = portal.cpuTime();
            System.out.printf(Locale.ROOT, "run %d: ready (/health/ready = 200) %.1f s, CPU %.1f s; home page %d at %.1f s;"
                    + " demo loaded %.1f s, CPU %.1f s%n", run, ready, readyCpu.toMillis() / 1000.0, home, homeAt,
                    loaded, loadedCpu.toMillis() / 1000.0);
            for (String line : Files.readAllLines(log)) {
                Matcher step = STEP.matcher(line);
                if (step.find()) {
                    System.out.println("  " + step.group(1));
                }
            }
        }
    }

    private static double awaitLoaded(HttpClient client, int port, long launched) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                String body = client.send(request(port, "/api/health").build(), HttpResponse.BodyHandlers.ofString())
                        .body();
                if (body.contains("\"demo\":\"loaded\"")) {
                    return seconds(launched);
                }
            } catch (IOException notYet) {
                // a moment without an answer; asked again
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the demo data was not loaded within 5 minutes");
    }

    private static HttpRequest.Builder request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + PortalProcess.ADMIN_TOKEN).header("Accept", "text/html");
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
