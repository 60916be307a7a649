package dev.vitals.benchmark;

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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The deploys plugin's ingest against its floors, all in one run on one PostgreSQL: one event per request over HTTP
 * at 4 connections (wrk) next to {@code GET /api/health} at 4 connections; batches of 1,000 deployments spread over
 * 10,000 services from 4 clients next to raw {@code COPY} of the same rows into a deployments and a commits
 * table; then the DORA report of the whole organisation and of one team under load. Next to one event per request
 * it measures the disk's flush floor: single-row commits over JDBC from 4 connections with synchronous commit on, the
 * one flush an acknowledged event must wait for.
 *
 * <p>The PostgreSQL is the caller's, a plain server with its default durability (fsync and synchronous commit on), so
 * that an acknowledged write is on disk as in production and {@code COPY} writes to the same disk; see
 * docs/PERFORMANCE.md for how to start one.
 *
 * <p>Usage: {@code java -cp 'benchmark/target/classes:benchmark/target/lib/*' dev.vitals.benchmark.DeploysBenchmark
 * distribution/target/vitals JDBC_URL [seconds=20] [batches=200] [concurrency=16]}, where the URL names a database
 * the user {@code postgres} may create schemas in.
 */
public final class DeploysBenchmark {

    private static final Instant END = LocalDate.of(2026, 11, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final int SERVICES = 10_000;
    private static final int TEAMS = 100;
    private static final int CONNECTIONS = 4;

    private DeploysBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path distribution = Path.of(args[0]);
        String url = args[1];
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int batches = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        int concurrency = args.length > 4 ? Integer.parseInt(args[4]) : 16;
        Path dataDir = Files.createTempDirectory("vitals-deploys-benchmark");
        Map<String, String> env = Map.of("VITALS_DB_URL", url, "VITALS_DB_USER", "postgres", "VITALS_DB_PASSWORD", "",
                "VITALS_PLUGINS", "deploys");
        PortalProcess.run(distribution, dataDir, env, "import", "catalog",
                TeamCatalog.write(dataDir.resolve("catalog.yaml"), TEAMS, SERVICES, "service-").toString());
        int port = PortalProcess.freePort();
        Wrk.Result single;
        Wrk.Result health;
        double batchRate;
        double singleCpu;
        double singleApplied;
        double singleApplyLag;
        double batchCpu;
        try (PortalProcess portal = PortalProcess.start(distribution, dataDir, port, env, dataDir.resolve("portal.log"))) {
            String base = "http://127.0.0.1:" + port;
            warmUpSingles(base, seconds, url);
            Duration cpu = cpu(portal, url);
            single = Wrk.run(base + "/api/deploys/events", CONNECTIONS, seconds, PortalProcess.ADMIN_TOKEN,
                    Optional.of(Wrk.script(singleEventScript("measured"))));
            // Acknowledged is not applied: the figure that counts is the rate until the last one is in the reports,
            // and the CPU until then.
            double applyLag = secondsToApply(url);
            singleApplied = single.perSecond() * seconds / (seconds + applyLag);
            singleApplyLag = applyLag;
            singleCpu = cpu(portal, url).minus(cpu).toNanos() / 1e6 / (single.perSecond() * seconds);
            Wrk.run(base + "/api/health", CONNECTIONS, Math.max(1, seconds / 3), PortalProcess.ADMIN_TOKEN,
                    Optional.empty());
            health = Wrk.run(base + "/api/health", CONNECTIONS, seconds, PortalProcess.ADMIN_TOKEN, Optional.empty());
            warmUpBatches(port, batches);
            cpu = cpu(portal, url);
            batchRate = batches(port, 0, batches);
            batchCpu = cpu(portal, url).minus(cpu).toNanos() / 1e6 / batches;
            dora(port, concurrency, seconds);
        }
        Wrk.Result flush = flushFloor(url, seconds);
        double copyRate = rawCopy(url, batches * 1000);
        System.out.println();
        System.out.println("| Measure | Result | Ratio | Goal |");
        System.out.println("|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| `POST /api/deploys/events`, one event per request, %d connections (wrk) | %.0f"
                + " events/s, p50 %.1f ms, p99 %.1f ms, %d errors | %.2f × health | ≥ 0.5, p99 < 50 ms |%n",
                CONNECTIONS, single.perSecond(), single.p50Millis(), single.p99Millis(), single.errors(),
                single.perSecond() / health.perSecond());
        System.out.printf(Locale.ROOT, "| … applied: the same events until the last left the inbox (%.1f s after wrk"
                + " ended) | %.0f events/s | %.2f × health | |%n", singleApplyLag, singleApplied,
                singleApplied / health.perSecond());
        System.out.printf(Locale.ROOT, "| CPU per event, one per request, until applied (portal + database, including"
                + " the signal refresh and the JIT) | %.2f ms | | |%n", singleCpu);
        System.out.printf(Locale.ROOT, "| CPU per batch of 1,000 (portal + database, including the signal refresh) |"
                + " %.0f ms | | |%n", batchCpu);
        System.out.printf(Locale.ROOT, "| Single-row `INSERT`s over JDBC, a commit each, synchronous commit on, %d"
                + " connections — the flush floor | %.0f commits/s, p50 %.1f ms, p99 %.1f ms | events ÷ commits %.2f |"
                + " |%n", CONNECTIONS, flush.perSecond(), flush.p50Millis(), flush.p99Millis(),
                single.perSecond() / flush.perSecond());
        System.out.printf(Locale.ROOT, "| `GET /api/health`, %d connections (wrk) — the floor | %.0f req/s, p50 %.1f ms,"
                + " p99 %.1f ms | | |%n", CONNECTIONS, health.perSecond(), health.p50Millis(), health.p99Millis());
        System.out.printf(Locale.ROOT, "| `POST /api/deploys/events`, batches of 1,000 over %,d services, %d clients |"
                + " %.0f events/s | %.2f × COPY | ≥ 0.5 |%n", SERVICES, CONNECTIONS, batchRate, batchRate / copyRate);
        System.out.printf(Locale.ROOT, "| Raw `COPY` of the same %,d rows into a deployments and a commits table,"
                + " 1 client — the floor | %.0f events/s | | |%n", batches * 1000, copyRate);
    }

    /**
     * Warms the single-event path up in rounds of half the measured time, each of events no other round sends, until
     * a round's rate is within a tenth of the round's before (at least two rounds, at most six): on these 2 cores the
     * JIT sometimes was still compiling the path after a fixed warm-up, and the measured rate then came out a third
     * lower with the same build. Waits for the inbox to be empty after each round.
     */
    private static void warmUpSingles(String base, int seconds, String url) throws Exception {
        untilSteady("one event per request", round -> {
            double rate = Wrk.run(base + "/api/deploys/events", CONNECTIONS, Math.max(1, seconds / 2),
                    PortalProcess.ADMIN_TOKEN, Optional.of(Wrk.script(singleEventScript("warm-" + round))))
                    .perSecond();
            secondsToApply(url);
            return rate;
        });
    }

    /**
     * Warms the batch path up in rounds of a third as many batches as are measured, of deployments that neither the
     * measured batches nor {@code COPY} name, until a round's rate is within a tenth of the round's before (at least
     * two rounds, at most six), as for one event per request: 150 batches in (the warm-up used to be a fixed 66), the
     * JIT's compiler threads still took 14 ms of CPU per batch, about a fifth of what a measured batch was charged.
     */
    private static void warmUpBatches(int port, int batches) throws Exception {
        int perRound = Math.max(1, batches / 3);
        untilSteady("batches", round -> batches(port, (batches + (round - 1L) * perRound) * 1000L, perRound));
    }

    /** One warm-up round: it sends what only that round sends and returns its rate in events a second. */
    private interface WarmUpRound {
        double run(int round) throws Exception;
    }

    /** Runs rounds until one's rate is within a tenth of the one before: at least two rounds, at most six. */
    private static void untilSteady(String what, WarmUpRound warmUp) throws Exception {
        double before = 0;
        for (int round = 1; round <= 6; round++) {
            double rate = warmUp.run(round);
            System.out.printf(Locale.ROOT, "warm-up round %d of %s: %.0f events/s%n", round, what, rate);
            if (round >= 2 && Math.abs(rate - before) <= before / 10) {
                return;
            }
            before = rate;
        }
    }

    /**
     * One event per request: a fresh id per wrk thread and request, a service of the 10,000, a day of the year
     * before {@link #END}, one commit.
     *
     * @param run a tag in every id, so that no two runs of wrk send an id twice: each run numbers its requests from
     *     one again, and a second run with the ids of the first would be measuring replays, which write nothing
     */
    private static String singleEventScript(String run) {
        return """
                local n = 0
                local counter = 1
                wrk.headers["Content-Type"] = "application/json"
                function setup(thread)
                    thread:set("thread", counter)
                    counter = counter + 1
                end
                function request()
                    n = n + 1
                    local id = "single-%s-" .. thread .. "-" .. n
                    local finished = %d - ((n * 7919 + thread * 104729) %% (365 * 86400)) - 1
                    local service = (n * 31 + thread * 17) %% %d
                    local body = string.format('[{"id":"%%s","service":"service-%%d","environment":"production",'
                        .. '"status":"success","startedAt":"%%s","finishedAt":"%%s",'
                        .. '"commits":[{"sha":"%%s","committedAt":"%%s"}]}]',
                        id, service, os.date("!%%Y-%%m-%%dT%%H:%%M:%%SZ", finished - 300),
                        os.date("!%%Y-%%m-%%dT%%H:%%M:%%SZ", finished), id,
                        os.date("!%%Y-%%m-%%dT%%H:%%M:%%SZ", finished - 3600 - (n %% 86400)))
                    return wrk.format("POST", nil, nil, body)
                end
                """.formatted(run, END.getEpochSecond(), SERVICES);
    }

    /**
     * CPU time used so far by the portal and by the database server's processes (found as the parent of a backend
     * and its children): on shared cores the fairer guide to what an event costs. Processes of the server that ended
     * meanwhile (autovacuum workers, parallel workers, backends) count too, through the time the server reaped from
     * its children: without it a run's figure fell by two thirds when autovacuum happened to work between the reads.
     */
    private static Duration cpu(PortalProcess portal, String url) throws Exception {
        ProcessHandle server;
        // The server is found while the backend that names it still lives: once the connection is closed the
        // backend may be gone, and with it the way to its parent (a run then read the database's CPU as zero).
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            long backend = rs.getLong(1);
            server = ProcessHandle.of(backend).flatMap(ProcessHandle::parent).orElseThrow(() ->
                    new IllegalStateException("no process " + backend + " or no parent: is the database local?"));
        }
        Duration database = java.util.stream.Stream.concat(java.util.stream.Stream.of(server), server.children())
                .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus).plus(reaped(server.pid()));
        return portal.cpuTime().plus(database);
    }

    /**
     * @param pid a process
     * @return the CPU time of its children that ended and were waited for (cutime and cstime in {@code /proc}, in
     *     the kernel's fixed 100 ticks a second); zero where there is no {@code /proc}
     */
    private static Duration reaped(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // Fields after the command's closing parenthesis, from the third (state) on: cutime and cstime are the
            // 16th and 17th.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            return Duration.ofMillis(ticks * 10);
        } catch (java.io.IOException | RuntimeException e) {
            return Duration.ZERO;
        }
    }

    /**
     * Waits until no deployment sent alone waits to be applied.
     *
     * @return the seconds it took
     */
    private static double secondsToApply(String url) throws Exception {
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            while (true) {
                try (var rs = s.executeQuery("SELECT count(*) FROM deploys.deployment_inbox WHERE refused IS NULL")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return (System.nanoTime() - start) / 1e9;
                    }
                }
                Thread.sleep(20);
            }
        }
    }

    /**
     * Posts {@code batches} batches of 1,000 from 4 clients, deployments {@code first} on, and returns events per
     * second.
     */
    private static double batches(int port, long first, int batches) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicLong next = new AtomicLong(first);
        long total = first + batches * 1000L;
        long start = System.nanoTime();
        Parallel.run(CONNECTIONS, worker -> {
            long posted = 0;
            for (long from = next.getAndAdd(1000); from < total; from = next.getAndAdd(1000)) {
                StringBuilder batch = new StringBuilder("[");
                for (long i = from; i < from + 1000; i++) {
                    batch.append(i == from ? "" : ",").append(event(i));
                }
                post(client, port, batch.append("]").toString());
                posted++;
            }
            return posted;
        });
        return batches * 1000L / ((System.nanoTime() - start) / 1e9);
    }

    /** The DORA report of the whole organisation (first and cached), and of one team under load. */
    private static void dora(int port, int concurrency, int seconds) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String org = "/api/deploys/dora?from=2025-11-01&to=2026-11-01";
        long t0 = System.nanoTime();
        get(client, port, org);
        double first = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        get(client, port, org);
        System.out.printf(Locale.ROOT, "| DORA, whole organisation | first %.2f s, then (cached) %.3f s |%n", first,
                (System.nanoTime() - t0) / 1e9);
        System.out.println(LoadGenerator.measure(port, "/api/deploys/dora?team=team-3&from=2026-08-01&to=2026-11-01",
                concurrency, Duration.ofSeconds(seconds), PortalProcess.ADMIN_TOKEN).line());
    }

    /**
     * The floor for one event per request: what this disk allows when each write must be flushed before it is
     * acknowledged. Single-row inserts, each its own transaction with synchronous commit on, from as many connections
     * as wrk uses, after a warm-up of a third of the time; PostgreSQL may flush several connections' commits at once,
     * as it may for the portal's.
     */
    private static Wrk.Result flushFloor(String url, int seconds) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS flush_benchmark CASCADE");
            s.execute("CREATE SCHEMA flush_benchmark");
            s.execute("CREATE TABLE flush_benchmark.commits (id bigserial PRIMARY KEY, worker int NOT NULL,"
                    + " at timestamptz NOT NULL DEFAULT now())");
        }
        commits(url, Math.max(1, seconds / 3));
        return commits(url, seconds);
    }

    private static Wrk.Result commits(String url, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        Parallel.run(CONNECTIONS, worker -> {
            try (Connection c = DriverManager.getConnection(url, "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("SET synchronous_commit = on");
                try (var insert = c.prepareStatement("INSERT INTO flush_benchmark.commits (worker) VALUES (?)")) {
                    insert.setInt(1, worker);
                    long mine = 0;
                    for (long t0 = System.nanoTime(); t0 < end; t0 = System.nanoTime()) {
                        insert.executeUpdate();
                        latencies.add(System.nanoTime() - t0);
                        mine++;
                    }
                    return mine;
                }
            }
        });
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Wrk.Result(sorted.length / elapsed, sorted[sorted.length / 2] / 1e6,
                sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))] / 1e6, 0);
    }

    /**
     * The floor for batches: the same deployments and commits streamed with COPY into a copy of the plugin's
     * deployments (same columns, keys and indexes) and a table of commits (no idempotency check, first deployments or
     * daily roll-up).
     */
    private static double rawCopy(String url, int deployments) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS copy_benchmark CASCADE");
                s.execute("CREATE SCHEMA copy_benchmark");
                s.execute("CREATE TABLE copy_benchmark.deployments (LIKE deploys.deployments INCLUDING ALL)");
                // The commits in a table of their own, one row each keyed by deployment and sha, as the plugin kept
                // them until it took a batch's commits from the batch itself: the floor stays the same data in its
                // plainest form, so that its figures compare across versions.
                s.execute("CREATE TABLE copy_benchmark.deployment_commits (deployment_id text NOT NULL,"
                        + " sha text NOT NULL, committed_at timestamptz NOT NULL, PRIMARY KEY (deployment_id, sha))");
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            long start = System.nanoTime();
            copy.copyIn("COPY copy_benchmark.deployments (id, service, environment, status, started_at, finished_at,"
                    + " version, source, content) FROM STDIN", rows(deployments, DeploysBenchmark::deploymentRow));
            copy.copyIn("COPY copy_benchmark.deployment_commits (deployment_id, sha, committed_at) FROM STDIN",
                    rows(deployments, DeploysBenchmark::commitRow));
            return deployments / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static String deploymentRow(long n) {
        Instant finished = finished(n);
        return "d-" + n + "\tservice-" + service(n) + "\tproduction\t" + status(n) + "\t" + finished.minusSeconds(300)
                + "\t" + finished + "\tv" + n + "\tcopy\t" + event(n) + "\n";
    }

    private static String commitRow(long n) {
        return "d-" + n + "\td-" + n + "\t" + finished(n).minusSeconds(3600 + n % 86_400) + "\n";
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

    /** Scattered, so that each batch names about 1,000 different services and concurrent batches overlap little. */
    private static long service(long n) {
        return (n * 7_717L) % SERVICES;
    }

    private static String status(long n) {
        return n % 20 == 0 ? "rolled_back" : "success";
    }

    /** Deployment {@code n}: one of the 10,000 services, finished on one of the 365 days before {@link #END}. */
    private static String event(long n) {
        Instant finished = finished(n);
        return String.format(Locale.ROOT, "{\"id\":\"d-%d\",\"service\":\"service-%d\",\"environment\":\"production\","
                + "\"status\":\"%s\",\"startedAt\":\"%s\",\"finishedAt\":\"%s\",\"version\":\"v%d\","
                + "\"commits\":[{\"sha\":\"d-%d\",\"committedAt\":\"%s\"}]}", n, service(n), status(n),
                finished.minusSeconds(300), finished, n, n, finished.minusSeconds(3600 + n % 86_400));
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
