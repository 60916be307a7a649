package dev.vitals.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** A closed-loop load: N workers each sending the next request as soon as the last one answered. */
final class LoadGenerator {

    private LoadGenerator() {
    }

    record Result(String path, int concurrency, long requests, long errors, double perSecond, double p50Millis,
            double p99Millis) {
        String line() {
            return String.format(Locale.ROOT, "| `GET %s` | %d | %.0f req/s | %.1f ms | %.1f ms | %d |", path, concurrency,
                    perSecond, p50Millis, p99Millis, errors);
        }
    }

    /** Warms up for a third of the time, then measures. */
    static Result measure(int port, String path, int concurrency, Duration duration, String bearer) throws Exception {
        run(port, path, concurrency, duration.dividedBy(3), bearer);
        return run(port, path, concurrency, duration, bearer);
    }

    static Result run(int port, String path, int concurrency, Duration duration, String bearer) throws Exception {
        ExecutorService clientThreads = Executors.newFixedThreadPool(concurrency);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clientThreads).build();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        HttpRequest request = builder.header("Accept", "text/html,application/json").build();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            futures.add(workers.submit(() -> {
                long[] latencies = new long[1 << 14];
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
        List<long[]> parts = new ArrayList<>();
        long errors = 0;
        for (Future<long[]> future : futures) {
            long[] r = future.get();
            parts.add(Arrays.copyOf(r, r.length - 1));
            errors += r[r.length - 1];
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        workers.shutdown();
        clientThreads.shutdown();
        workers.awaitTermination(10, TimeUnit.SECONDS);
        long[] sorted = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(path, concurrency, sorted.length, errors, sorted.length / elapsed, percentile(sorted, 0.50) / 1e6,
                percentile(sorted, 0.99) / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
