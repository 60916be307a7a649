package dev.vitals.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The deploys plugin at scale: ingest through the API one event per request and in batches of 1,000, then the DORA
 * report for the whole organisation over every deployment and for one team under load, and last raw COPY of the same
 * events into copies of the tables, for comparison. The portal runs on a PostgreSQL the benchmark starts itself.
 *
 * <p>Usage: {@code java -cp 'benchmark/target/classes:benchmark/target/lib/*' dev.vitals.benchmark.DeploysBenchmark
 * distribution/target/vitals [deployments=1000000] [concurrency=16] [seconds=20] [api|bulk]}: with {@code bulk}, the API
 * takes batches for four times {@code seconds} only and the rest is loaded with COPY while the portal is stopped; it
 * then rebuilds the daily roll-up at start.
 */
public final class DeploysBenchmark {

    private static final Instant END = LocalDate.of(2026, 11, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final int SERVICES = 100;

    private DeploysBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path distribution = Path.of(args.length > 0 ? args[0] : "distribution/target/vitals");
        int deployments = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        Duration duration = Duration.ofSeconds(args.length > 3 ? Integer.parseInt(args[3]) : 20);
        Path dataDir = Files.createTempDirectory("vitals-deploys-benchmark");
        // Its own PostgreSQL, configured as the portal configures its embedded one, so that raw COPY can be timed
        // into the very tables the portal writes.
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(true).setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "300").start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            Map<String, String> env = Map.of("VITALS_DB_URL", url, "VITALS_DB_USER", "postgres",
                    "VITALS_DB_PASSWORD", "");
            measure(distribution, dataDir, env, url, deployments, concurrency, duration,
                    args.length > 4 && args[4].equals("bulk"));
        }
    }

    private static void measure(Path distribution, Path dataDir, Map<String, String> env, String url,
            int deployments, int concurrency, Duration duration, boolean bulk) throws Exception {
        PortalProcess.run(distribution, dataDir, env, "import", "catalog",
                TeamCatalog.write(dataDir.resolve("catalog.yaml"), 10, SERVICES, "service-").toString());
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        int ingestPort = PortalProcess.freePort();
        PortalProcess portal = PortalProcess.start(distribution, dataDir, ingestPort, env, null);
        long loaded;
        try {
            AtomicLong single = new AtomicLong(-1);
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            Parallel.run(4, worker -> {
                long sent = 0;
                while (System.nanoTime() < end) {
                    long n = single.incrementAndGet();
                    post(client, ingestPort, "[" + event("single-" + n, n) + "]");
                    sent++;
                }
                return sent;
            });
            double singleRate = (single.get() + 1) / ((System.nanoTime() - start) / 1e9);
            System.out.printf(Locale.ROOT, "| ingest, one event per request, 4 clients | %.0f events/s |%n", singleRate);

            // With bulk loading, the API takes batches for four times the duration and COPY loads the rest.
            long batchEnd = System.nanoTime() + duration.multipliedBy(4).toNanos();
            AtomicLong next = new AtomicLong(0);
            start = System.nanoTime();
            Parallel.run(4, worker -> {
                long batches = 0;
                // Every block taken is posted, so the stored ids are d-0 up to some d-n without gaps.
                while (!bulk || System.nanoTime() < batchEnd) {
                    long from = next.getAndAdd(1000);
                    if (from >= deployments) {
                        break;
                    }
                    StringBuilder batch = new StringBuilder("[");
                    for (long i = from; i < Math.min(deployments, from + 1000); i++) {
                        batch.append(i == from ? "" : ",").append(event("d-" + i, i));
                    }
                    post(client, ingestPort, batch.append("]").toString());
                    batches++;
                }
                return batches;
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            loaded = countDeployments(url) - single.get() - 1;
            System.out.printf(Locale.ROOT, "| ingest, batches of 1,000, 4 clients | %.0f events/s (%d in %.1f s) |%n",
                    loaded / seconds, loaded, seconds);
        } finally {
            if (bulk) {
                portal.close();
            }
        }
        int port = ingestPort;
        if (bulk) {
            bulkLoad(url, loaded, deployments);
            port = PortalProcess.freePort();
            portal = PortalProcess.start(distribution, dataDir, port, env, null);
            System.out.printf(Locale.ROOT, "| start with the daily roll-up rebuilt from %d deployments | %.1f s |%n",
                    countDeployments(url), portal.secondsToReady);
        }
        try {
            String org = "/api/deploys/dora?from=2025-01-01&to=2026-11-01";
            double[] orgSeconds = new double[5];
            for (int i = 0; i < orgSeconds.length; i++) {
                long t0 = System.nanoTime();
                get(client, port, org);
                orgSeconds[i] = (System.nanoTime() - t0) / 1e9;
            }
            System.out.printf(Locale.ROOT, "| DORA, whole organisation, %d deployments | first %.2f s, then (cached)"
                    + " %.3f s |%n", deployments, orgSeconds[0], orgSeconds[4]);
            long t0 = System.nanoTime();
            get(client, port, "/api/deploys/dora?team=team-3&from=2026-08-01&to=2026-11-01");
            System.out.printf(Locale.ROOT, "| DORA, team-3, first request after the last write | %.0f ms |%n",
                    (System.nanoTime() - t0) / 1e6);
            System.out.println(LoadGenerator.measure(port, "/api/deploys/dora?team=team-3&from=2026-08-01&to=2026-11-01",
                    concurrency, duration, PortalProcess.ADMIN_TOKEN).line());
            // The floor on the same machine at the same moment: a token-checked API call that reads one row.
            System.out.println(LoadGenerator.measure(port, "/api/health", concurrency, duration,
                    PortalProcess.ADMIN_TOKEN).line());
        } finally {
            portal.close();
        }
        rawCopy(url, deployments);
    }

    private static long countDeployments(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT count(*) FROM deploys.deployments")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Loads deployments {@code from} to {@code to} straight into the plugin's tables while the portal is stopped, fills
     * the commits' first deployments as the plugin's migration does, and drops the roll-up's zone so that the next
     * start rebuilds the roll-up from every deployment, the way a changed org zone does.
     */
    private static void bulkLoad(String url, long from, int to) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            int count = (int) (to - from);
            copy.copyIn("COPY deploys.deployments (id, service, environment, status, started_at, finished_at,"
                    + " version, source, content) FROM STDIN", rows(count, i -> deploymentRow(from + i)));
            copy.copyIn("COPY deploys.deployment_commits (deployment_id, sha, committed_at) FROM STDIN",
                    rows(count, i -> commitRow(from + i)));
            try (Statement s = c.createStatement()) {
                s.execute("""
                        INSERT INTO deploys.commit_first_deploys (service, sha, committed_at, first_deployment_id,
                            first_finished_at)
                        SELECT DISTINCT ON (d.service, c.sha) d.service, c.sha, c.committed_at, d.id, d.finished_at
                        FROM deploys.deployment_commits c JOIN deploys.deployments d ON d.id = c.deployment_id
                        WHERE d.environment = 'production' AND d.status IN ('success', 'rolled_back')
                        ORDER BY d.service, c.sha, d.finished_at, d.id
                        ON CONFLICT (service, sha) DO NOTHING""");
                s.execute("DELETE FROM deploys.deploy_days_zone");
                s.execute("VACUUM ANALYZE deploys.deployments");
                s.execute("VACUUM ANALYZE deploys.commit_first_deploys");
            }
        }
    }

    private static String deploymentRow(long n) {
        Instant finished = finished(n);
        return "d-" + n + "\tservice-" + (n % SERVICES) + "\tproduction\t" + (n % 20 == 0 ? "rolled_back" : "success")
                + "\t" + finished.minusSeconds(300) + "\t" + finished + "\tv" + n + "\tcopy\t" + event("d-" + n, n)
                + "\n";
    }

    private static String commitRow(long n) {
        return "d-" + n + "\td-" + n + "\t" + finished(n).minusSeconds(3600 + n % 86_400) + "\n";
    }

    /**
     * The floor for ingest: the same deployments and commits streamed with COPY into copies of the plugin's two
     * tables (same columns, keys and indexes; no idempotency check, commit bookkeeping or daily roll-up).
     */
    private static void rawCopy(String url, int deployments) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA copy_benchmark");
                s.execute("CREATE TABLE copy_benchmark.deployments (LIKE deploys.deployments INCLUDING ALL)");
                s.execute("CREATE TABLE copy_benchmark.deployment_commits"
                        + " (LIKE deploys.deployment_commits INCLUDING ALL)");
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            long start = System.nanoTime();
            copy.copyIn("COPY copy_benchmark.deployments (id, service, environment, status, started_at, finished_at,"
                    + " version, source, content) FROM STDIN", rows(deployments, DeploysBenchmark::deploymentRow));
            copy.copyIn("COPY copy_benchmark.deployment_commits (deployment_id, sha, committed_at) FROM STDIN",
                    rows(deployments, DeploysBenchmark::commitRow));
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "| raw COPY into the same two tables, 1 client | %.0f events/s (%d in %.1f s)"
                    + " |%n", deployments / seconds, deployments, seconds);
        }
    }

    private static Reader rows(int count, LongFunction<String> row) {
        return new Reader() {
            private long next;
            private String current = "";
            private int at;

            @Override
            public int read(char[] buffer, int offset, int length) {
                if (at == current.length()) {
                    if (next == count) {
                        return -1;
                    }
                    current = row.apply(next++);
                    at = 0;
                }
                int n = Math.min(length, current.length() - at);
                current.getChars(at, at + n, buffer, offset);
                at += n;
                return n;
            }

            @Override
            public void close() {
            }
        };
    }

    private static Instant finished(long n) {
        return END.minusSeconds(1 + (n * 7919L) % (365L * 86_400));
    }

    /** Deployment {@code n}: one of 100 services, finished on one of the 365 days before {@link #END}. */
    private static String event(String id, long n) {
        Instant finished = finished(n);
        return String.format(Locale.ROOT, "{\"id\":\"%s\",\"service\":\"service-%d\",\"environment\":\"production\","
                + "\"status\":\"%s\",\"startedAt\":\"%s\",\"finishedAt\":\"%s\",\"version\":\"v%d\","
                + "\"commits\":[{\"sha\":\"%s\",\"committedAt\":\"%s\"}]}", id, n % SERVICES,
                n % 20 == 0 ? "rolled_back" : "success", finished.minusSeconds(300), finished, n, id,
                finished.minusSeconds(3600 + n % 86_400));
    }

    private static void post(HttpClient client, int port, String body) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/deploys/events")).header("Authorization", "Bearer " + PortalProcess.ADMIN_TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
    }

    private static void get(HttpClient client, int port, String path) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + PortalProcess.ADMIN_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
    }
}
