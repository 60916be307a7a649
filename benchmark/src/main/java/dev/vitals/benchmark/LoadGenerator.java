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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

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
        return measure(port, path, concurrency, duration, bearer, false);
    }

    static Result run(int port, String path, int concurrency, Duration duration, String bearer) throws Exception {
        return run(port, path, n -> path, concurrency, duration, bearer);
    }

    /** Warms up for a third of the time, then measures, asking as browsers do: {@code Accept-Encoding: gzip}. */
    static Result measureAcceptingGzip(int port, String path, int concurrency, Duration duration, String bearer)
            throws Exception {
        return measure(port, path, concurrency, duration, bearer, true);
    }

    private static Result measure(int port, String path, int concurrency, Duration duration, String bearer,
            boolean acceptingGzip) throws Exception {
        run(port, path, n -> path, concurrency, duration.dividedBy(3), bearer, acceptingGzip);
        return run(port, path, n -> path, concurrency, duration, bearer, acceptingGzip);
    }

    /**
     * The same load with a path per request: request {@code n} (counted over all workers) asks {@code paths(n)}, for
     * answers that a server must not have kept.
     */
    static Result run(int port, String label, IntFunction<String> paths, int concurrency, Duration duration,
            String bearer) throws Exception {
        return run(port, label, paths, concurrency, duration, bearer, false);
    }

    private static Result run(int port, String label, IntFunction<String> paths, int concurrency, Duration duration,
            String bearer, boolean acceptingGzip) throws Exception {
        ExecutorService clientThreads = Executors.newFixedThreadPool(concurrency);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clientThreads).build();
        AtomicInteger sent = new AtomicInteger();
        IntFunction<HttpRequest> requests = n -> {
            HttpRequest.Builder builder = HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + paths.apply(n)));
            if (bearer != null) {
                builder.header("Authorization", "Bearer " + bearer);
            }
            if (acceptingGzip) {
                builder.header("Accept-Encoding", "gzip");
            }
            return builder.header("Accept", "text/html,application/json").build();
        };
        HttpRequest fixed = requests.apply(0);
        boolean varies = !paths.apply(0).equals(paths.apply(1));
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
                    HttpRequest request = varies ? requests.apply(sent.getAndIncrement()) : fixed;
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
        return new Result(label, concurrency, sorted.length, errors, sorted.length / elapsed, percentile(sorted, 0.50) / 1e6,
                percentile(sorted, 0.99) / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
