package dev.vitals.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;

/**
 * The SLO plugin at scale: 2,000 SLOs with 30 days of minute data. Measures ingest through {@code POST
 * /api/slo/samples} against a raw {@code COPY} into the same table of the same database, the overview page under
 * load, and the minute job that evaluates every SLO's alerts.
 *
 * <p>The benchmark starts its own PostgreSQL (data kept in {@code DATA_DIR/postgres}, so a second run reuses the
 * generated minutes and only tops them up) and points the portal at it with {@code VITALS_DB_URL}. The minute data
 * is generated inside PostgreSQL; the rollup triggers keep the hourly and daily sums as for any other insert.
 *
 * <p>Usage: {@code java -cp 'benchmark/target/classes:benchmark/target/lib/*' dev.vitals.benchmark.SloBenchmark
 * distribution/target/vitals [slos=2000] [days=30] [concurrency=16] [seconds=30] [minutesPerSlo=500] [DATA_DIR]
 * [ticks=3]}
 */
public final class SloBenchmark {

    private static final int SERVICES = 200;
    private static final Pattern TICK = Pattern.compile(
            "Evaluated (\\d+) SLOs \\((\\d+) read afresh\\), recorded (\\d+) alert changes and published (\\d+) "
                    + "signals in (\\d+) ms");

    private SloBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path distribution = Path.of(args.length > 0 ? args[0] : "distribution/target/vitals");
        int slos = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int days = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        Duration duration = Duration.ofSeconds(args.length > 4 ? Integer.parseInt(args[4]) : 30);
        int minutesPerSlo = args.length > 5 ? Integer.parseInt(args[5]) : 500;
        Path dataDir = args.length > 6 ? Path.of(args[6]) : Files.createTempDirectory("vitals-slo-benchmark");
        int ticksToWaitFor = args.length > 7 ? Integer.parseInt(args[7]) : 3;
        Files.createDirectories(dataDir);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false).setPGStartupWait(Duration.ofSeconds(120))
                .setServerConfig("max_connections", "300").start()) {
            String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
            Path log = dataDir.resolve("portal.log");
            Map<String, String> env = Map.of("VITALS_DB_URL", url, "VITALS_DB_USER", "postgres",
                    "VITALS_PLUGINS", "slo",
                    "JAVA_TOOL_OPTIONS", "-Dorg.slf4j.simpleLogger.log.dev.vitals.plugins.slo.signals.BudgetSignals=debug");
            PortalProcess.run(distribution, dataDir, env, "import", "catalog",
                    TeamCatalog.write(dataDir.resolve("catalog.yaml"), 20, SERVICES, "svc-").toString());
            int port = PortalProcess.freePort();
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            try (PortalProcess portal = PortalProcess.start(distribution, dataDir, port, env, log);
                    Connection db = DriverManager.getConnection(url, "postgres", "")) {
                createSlos(client, port, slos, db);
                Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
                fill(db, url, now.minus(Duration.ofDays(days)), now);

                System.out.println("| Measure | Result |");
                System.out.println("|---|---|");
                long waitFrom = Files.size(log);
                List<long[]> ticks = ticks(log, waitFrom, slos, ticksToWaitFor,
                        Duration.ofMinutes(5 + ticksToWaitFor));
                long[] millis = ticks.stream().mapToLong(t -> t[4]).sorted().toArray();
                if (!ticks.isEmpty()) {
                    System.out.printf(Locale.ROOT, "| `evaluate-slos` tick, %d SLOs (alert evaluation and recording, "
                                    + "%d signals), idle portal | %s ms (median %d ms); SLOs read afresh %s |%n", slos,
                            ticks.get(0)[3], Arrays.toString(ticks.stream().mapToLong(t -> t[4]).toArray()),
                            millis[millis.length / 2], Arrays.toString(ticks.stream().mapToLong(t -> t[1]).toArray()));
                }

                double[] single = new double[5];
                for (int i = 0; i < single.length; i++) {
                    long t0 = System.nanoTime();
                    get(client, port, "/p/slo/");
                    single[i] = (System.nanoTime() - t0) / 1e6;
                }
                Arrays.sort(single);
                System.out.printf(Locale.ROOT, "| `GET /p/slo/` (page 1 of 25 rows, sorted by budget left from the "
                        + "stored statuses), one at a time | median %.0f ms, worst %.0f ms |%n", single[2], single[4]);
                long loadFrom = Files.size(log);
                LoadGenerator.Result overview = LoadGenerator.measure(port, "/p/slo/", concurrency, duration,
                        PortalProcess.ADMIN_TOKEN);
                System.out.printf(Locale.ROOT, "| `GET /p/slo/`, concurrency %d, %d s | %.1f req/s, p50 %.0f ms, "
                                + "p99 %.0f ms, %d errors |%n", concurrency, duration.toSeconds(), overview.perSecond(),
                        overview.p50Millis(), overview.p99Millis(), overview.errors());
                List<long[]> busy = ticks(log, loadFrom, slos, 0, Duration.ZERO);
                if (!busy.isEmpty()) {
                    System.out.printf(Locale.ROOT, "| `evaluate-slos` ticks while the overview was under load | %s "
                            + "ms |%n", Arrays.toString(busy.stream().mapToLong(t -> t[4]).toArray()));
                }

                ingest(client, port, db, minutesPerSlo);
            }
        }
    }

    /** SLO {@code i}: 70 % rolling 30 days, the rest 28 and 7 days, calendar month and quarter; every tenth timeslices. */
    private static String slo(int i) {
        String[] windows = {"30d", "30d", "30d", "30d", "30d", "30d", "30d", "30d", "30d", "30d", "30d", "30d", "30d",
            "30d", "28d", "28d", "7d", "7d", "month", "quarter"};
        String method = i % 10 == 9 ? "\"method\":\"timeslices\",\"sliceThreshold\":300"
                : "\"method\":\"occurrences\"";
        return String.format(Locale.ROOT, "{\"name\":\"%s\",\"service\":\"svc-%d\",\"objective\":0.999,"
                + "\"window\":\"%s\",%s}", name(i), i % SERVICES, windows[i % windows.length], method);
    }

    private static String name(int i) {
        return String.format(Locale.ROOT, "slo-%04d", i);
    }

    private static void createSlos(HttpClient client, int port, int slos, Connection db) throws Exception {
        int existing;
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM slo.slos")) {
            rs.next();
            existing = rs.getInt(1);
        }
        if (existing >= slos) {
            return;
        }
        AtomicInteger next = new AtomicInteger(existing);
        Parallel.run(4, worker -> {
            for (int i = next.getAndIncrement(); i < slos; i = next.getAndIncrement()) {
                send(client, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/slo/slos/" + name(i)))
                        .header("Authorization", "Bearer " + PortalProcess.ADMIN_TOKEN)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(slo(i))).build());
            }
            return 0;
        });
    }

    /** The minute rows of {@code :names} from {@code :from} (or after each SLO's newest) to {@code :to}. */
    private static final String SERIES = """
            INSERT INTO slo.samples (slo, minute, good, total, value)
            SELECT s.name, m,
                   CASE WHEN s.occurrences THEN t - CASE WHEN s.i % 50 = 0 AND m >= :incident THEN t * 12 / 100
                                                        WHEN (n * 104729 + s.i * 7919) % 1000 < 3 THEN 5
                                                        ELSE 0 END END,
                   CASE WHEN s.occurrences THEN t END,
                   CASE WHEN NOT s.occurrences THEN CASE WHEN (n * 104729 + s.i) % 1000 < 2 THEN 400
                                                         ELSE 150 + (n * 7919 + s.i) % 140 END END
            FROM (SELECT name, substr(name, 5)::int AS i, method = 'occurrences' AS occurrences,
                         greatest(:from, (SELECT max(minute) + interval '1 minute' FROM slo.samples x
                                          WHERE x.slo = name AND :topUp)) AS start
                  FROM slo.slos WHERE name = ANY(:names)) AS s
            CROSS JOIN LATERAL generate_series(s.start, :to, interval '1 minute') AS m
            CROSS JOIN LATERAL (SELECT (extract(epoch FROM m) / 60)::bigint AS n) AS e
            CROSS JOIN LATERAL (SELECT 500 + (n * 31 + s.i) % 100 AS t) AS traffic""";

    /**
     * Minutes up to the one before {@code to} for every SLO: 500–600 requests a minute with rare errors, timeslices
     * values of 150–290 ms with rare slow minutes; every 50th SLO has lost 12 % of its requests for the last 90
     * minutes, so that page alerts fire. Rows go in six hours of every SLO at a time.
     *
     * <p>A fresh database gets its {@code days} in bulk, with triggers off
     * ({@code session_replication_role = replica}: no foreign-key checks and no per-statement rollup upkeep), and
     * the rollups are then built from the minutes in one pass, as migration V4 does. A later run tops the minutes up
     * through the ordinary triggers.
     */
    private static void fill(Connection db, String url, Instant from, Instant to) throws Exception {
        List<String> names = new ArrayList<>();
        long days;
        try (Statement s = db.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT name FROM slo.slos ORDER BY name")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM slo.sample_days")) {
                rs.next();
                days = rs.getLong(1);
            }
        }
        long started = System.nanoTime();
        java.util.concurrent.atomic.AtomicLong rows = new java.util.concurrent.atomic.AtomicLong();
        // Fewer day rollups than SLOs × days means a fresh (or unfinished) database.
        boolean bulk = days < names.size() * Duration.between(from, to).toDays();
        String sql = SERIES.replace(":incident", "?::timestamptz").replace(":topUp", "?::boolean")
                .replace(":from", "?::timestamptz").replace(":to", "?::timestamptz").replace(":names", "?");
        List<Instant[]> parts = new ArrayList<>();
        if (bulk) {
            try (Statement s = db.createStatement()) {
                s.execute("TRUNCATE slo.samples");
            }
            Duration part = Duration.ofHours(6);
            for (Instant day = from; day.isBefore(to); day = day.plus(part)) {
                Instant end = day.plus(part).isBefore(to) ? day.plus(part) : to;
                parts.add(new Instant[] {day, end.minus(Duration.ofMinutes(1))});
            }
        } else {
            parts.add(new Instant[] {from, to.minus(Duration.ofMinutes(1))});
        }
        AtomicInteger next = new AtomicInteger();
        Parallel.run(bulk ? 2 : 1, worker -> {
            try (Connection c = DriverManager.getConnection(url, "postgres", "");
                    Statement setup = c.createStatement()) {
                if (bulk) {
                    setup.execute("SET session_replication_role = replica");
                }
                for (int p = next.getAndIncrement(); p < parts.size(); p = next.getAndIncrement()) {
                    try (PreparedStatement insert = c.prepareStatement(sql)) {
                        insert.setObject(1, OffsetDateTime.ofInstant(to.minus(Duration.ofMinutes(90)), ZoneOffset.UTC));
                        insert.setObject(2, OffsetDateTime.ofInstant(parts.get(p)[0], ZoneOffset.UTC));
                        insert.setBoolean(3, !bulk);
                        insert.setArray(4, c.createArrayOf("text", names.toArray()));
                        insert.setObject(5, OffsetDateTime.ofInstant(parts.get(p)[1], ZoneOffset.UTC));
                        rows.addAndGet(insert.executeUpdate());
                    }
                    System.err.printf(Locale.ROOT, "generated %d of %d parts, %d rows, %.0f s%n", p + 1, parts.size(),
                            rows.get(), (System.nanoTime() - started) / 1e9);
                }
            }
            return 0;
        });
        try (Statement s = db.createStatement()) {
            if (bulk) {
                s.execute("TRUNCATE slo.sample_hours, slo.sample_days");
                for (String level : List.of("hour", "day")) {
                    s.execute("INSERT INTO slo.sample_" + level + "s (slo, " + level + ", good, total, minutes, "
                            + "slice_good) SELECT a.slo, date_trunc('" + level + "', a.minute, 'UTC'), "
                            + "coalesce(sum(a.good), 0), coalesce(sum(a.total), 0), count(*), "
                            + "count(*) FILTER (WHERE a.value <= s.slice_threshold) "
                            + "FROM slo.samples a JOIN slo.slos s ON s.name = a.slo GROUP BY 1, 2");
                }
                // With triggers off the portal's log of sample writes missed the minutes too: record them as the
                // trigger would, so that the minute job reads every SLO afresh.
                s.execute("INSERT INTO slo.sample_writes (xid, slo, oldest, newest) SELECT "
                        + "pg_current_xact_id()::text::bigint, name, '-infinity', 'infinity' FROM slo.slos");
            }
            // A fresh table is vacuumed once so that reads do not set hint bits on every page; a top-up needs
            // fresh statistics only.
            s.execute((bulk ? "VACUUM " : "") + "ANALYZE slo.samples, slo.sample_hours, slo.sample_days, slo.slos");
        }
        System.err.printf(Locale.ROOT, "generated %d minute rows in %.0f s%n", rows.get(),
                (System.nanoTime() - started) / 1e9);
    }

    /**
     * Ingest through the API (4 clients, batches of 1,000 rows: 10 SLOs × 100 minutes; the portal recomputes those
     * SLOs' budgets and signals on its background thread meanwhile) into half of the occurrences SLOs, then the same
     * rows for the other half as one raw {@code COPY} into the same table. Both go to minutes before the oldest stored one, so every row is new.
     */
    private static void ingest(HttpClient client, int port, Connection db, int minutesPerSlo) throws Exception {
        List<String> occurrences = new ArrayList<>();
        Instant oldest;
        try (Statement s = db.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT name FROM slo.slos WHERE method = 'occurrences' ORDER BY name")) {
                while (rs.next()) {
                    occurrences.add(rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT min(minute) FROM slo.samples")) {
                rs.next();
                oldest = rs.getObject(1, OffsetDateTime.class).toInstant();
            }
        }
        int half = occurrences.size() / 2 / 10 * 10;
        List<String> viaApi = occurrences.subList(0, half);
        List<String> viaCopy = occurrences.subList(half, 2 * half);
        int blocks = minutesPerSlo / 100;
        int groups = half / 10;
        int batches = blocks * groups;
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        Parallel.run(4, worker -> {
            for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                StringBuilder body = new StringBuilder("[");
                appendBatch(body, viaApi, oldest, b, groups, true);
                send(client, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/slo/samples"))
                        .header("Authorization", "Bearer " + PortalProcess.ADMIN_TOKEN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.append(']').toString())).build());
            }
            return 0;
        });
        double apiSeconds = (System.nanoTime() - start) / 1e9;
        long rows = (long) batches * 1000;

        StringBuilder csv = new StringBuilder();
        for (int b = 0; b < batches; b++) {
            appendBatch(csv, viaCopy, oldest, b, groups, false);
        }
        start = System.nanoTime();
        long copied = db.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "COPY slo.samples (slo, minute, good, total) FROM STDIN WITH (FORMAT csv)",
                new StringReader(csv.toString()));
        double copySeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "| ingest `POST /api/slo/samples`, 4 clients, batches of 1,000 rows (10 SLOs × "
                + "100 minutes) | %.0f rows/s (%d rows in %.1f s) |%n", rows / apiSeconds, rows, apiSeconds);
        System.out.printf(Locale.ROOT, "| raw `COPY slo.samples` of the same shape, one stream (rollup triggers "
                + "included) | %.0f rows/s (%d rows in %.1f s) |%n", copied / copySeconds, copied, copySeconds);
        System.out.printf(Locale.ROOT, "| API ÷ COPY | %.2f |%n", (rows / apiSeconds) / (copied / copySeconds));
    }

    /** Batch {@code b}: SLO group {@code b % groups}, the {@code b / groups}-th block of 100 minutes back in time. */
    private static void appendBatch(StringBuilder out, List<String> slos, Instant oldest, int b, int groups,
            boolean json) {
        int group = b % groups;
        int block = b / groups;
        boolean first = out.length() <= 1;
        for (int k = 0; k < 10; k++) {
            String slo = slos.get(group * 10 + k);
            for (int m = 0; m < 100; m++) {
                Instant minute = oldest.minus(Duration.ofMinutes(block * 100L + m + 1));
                long total = 500 + (minute.getEpochSecond() / 60 + k) % 100;
                long good = total - ((minute.getEpochSecond() / 60) % 97 == 0 ? 3 : 0);
                if (json) {
                    out.append(first ? "" : ",").append("{\"slo\":\"").append(slo).append("\",\"minute\":\"")
                            .append(minute).append("\",\"good\":").append(good).append(",\"total\":").append(total)
                            .append('}');
                    first = false;
                } else {
                    out.append(slo).append(',').append(minute).append(',').append(good).append(',').append(total)
                            .append('\n');
                }
            }
        }
    }

    /** Waits for {@code count} ticks of the minute job over all SLOs logged after {@code from}; returns them all. */
    private static List<long[]> ticks(Path log, long from, int slos, int count, Duration wait) throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            List<long[]> found = new ArrayList<>();
            String text = new String(Files.readAllBytes(log), java.nio.charset.StandardCharsets.UTF_8);
            Matcher m = TICK.matcher(text.substring((int) Math.min(from, text.length())));
            while (m.find()) {
                long[] tick = {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                    Long.parseLong(m.group(4)), Long.parseLong(m.group(5))};
                if (tick[0] >= slos) {
                    found.add(tick);
                }
            }
            if (found.size() >= count || System.nanoTime() > deadline) {
                if (found.size() < count) {
                    throw new IllegalStateException("only " + found.size() + " ticks of the minute job in " + wait);
                }
                return found;
            }
            Thread.sleep(1000);
        }
    }

    private static void get(HttpClient client, int port, String path) throws Exception {
        send(client, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + PortalProcess.ADMIN_TOKEN).build());
    }

    private static void send(HttpClient client, HttpRequest request) throws Exception {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + response.statusCode() + " "
                    + response.body());
        }
    }
}
