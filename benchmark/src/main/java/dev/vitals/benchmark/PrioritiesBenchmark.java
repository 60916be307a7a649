package dev.vitals.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The priorities plugin at the size of a large organisation, next to {@code GET /api/health} in the same run: 100,000
 * backlog items over 200 teams (500 each: 2 themes, 8 epics, 40 features, 450 stories), then one team's backlog tree,
 * a rank move, the organisation's plan view, and 10,000 signals heard at once into proposals.
 *
 * <p>The items are loaded with SQL into the plugin's tables once it has migrated them (creating them through the API
 * is measured by the plugin's tests, not here). The 10,000 signals are written as the SLO plugin's latest
 * {@code error-budget} verdicts, CRITICAL, before the portal starts; the plugin's {@code hear-missed-signals} job hears
 * them at its start through the same code that hears a published signal, and logs how long that took.
 *
 * <p>Usage: {@code java -cp 'benchmark/target/classes:benchmark/target/lib/*' dev.vitals.benchmark.PrioritiesBenchmark
 * distribution/target/vitals [seconds=20] [concurrency=4] [teams=200]}: fewer teams (at least 10) scale the
 * services and signals with them (50 per team), for a direction on a busy machine.
 */
public final class PrioritiesBenchmark {

    /** Teams at full size; a smaller number given on the command line scales services and signals with it. */
    private static final int FULL_TEAMS = 200;
    private static final int SERVICES_PER_TEAM = 50;
    private static int teamCount = FULL_TEAMS;
    private static int serviceCount = FULL_TEAMS * SERVICES_PER_TEAM;
    private static int signalCount = serviceCount;
    private static final Pattern HEARD = Pattern.compile("Heard (\\d+) signals of the kinds that propose items in "
            + "(\\d+) ms");

    private PrioritiesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path distribution = Path.of(args.length > 0 ? args[0] : "distribution/target/vitals");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        // A reduced size shows the direction of a change on a busy machine; the targets are for the full size.
        teamCount = args.length > 3 ? Math.max(10, Integer.parseInt(args[3])) : FULL_TEAMS;
        serviceCount = teamCount * SERVICES_PER_TEAM;
        signalCount = serviceCount;
        Path dataDir = Files.createTempDirectory("vitals-priorities-benchmark");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
                .setPGStartupWait(Duration.ofSeconds(120)).setServerConfig("max_connections", "300").start()) {
            String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
            Map<String, String> env = Map.of("VITALS_DB_URL", url, "VITALS_DB_USER", "postgres",
                    "VITALS_PLUGINS", "priorities");
            PortalProcess.run(distribution, dataDir, env, "import", "catalog",
                    TeamCatalog.write(dataDir.resolve("catalog.yaml"), teamCount, serviceCount, "service-").toString());
            try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
                signals(db);
            }
            Path log = dataDir.resolve("portal.log");
            int port = PortalProcess.freePort();
            try (PortalProcess portal = PortalProcess.start(distribution, dataDir, port, env, log);
                    Connection db = DriverManager.getConnection(url, "postgres", "")) {
                long heardMillis = awaitHeard(log);
                long proposals = count(db, "SELECT count(*) FROM priorities.proposals WHERE state = 'open'");
                long loadStart = System.nanoTime();
                items(db);
                double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

                System.out.println();
                System.out.println("| Measure | Result | Target |");
                System.out.println("|---|---|---|");
                System.out.printf(Locale.ROOT, "| Load %,d items over %d teams with SQL (setup, not a target) "
                        + "| %.1f s | |%n", teamCount * 500, teamCount, loadSeconds);
                explain(db);
                System.out.printf(Locale.ROOT, "| %,d CRITICAL `error-budget` signals heard at once into proposals "
                        + "| %,d ms, %,d open proposals | < 5 s |%n", signalCount, heardMillis, proposals);
                Cpu cpu = new Cpu(portal, dataDir.resolve("postgres"));
                Measured health = cpu.measure(port, "/api/health", concurrency, Duration.ofSeconds(seconds));
                Measured tree = cpu.measure(port, "/api/priorities/tree?owner=team-7", concurrency,
                        Duration.ofSeconds(seconds));
                Measured page = cpu.measure(port, "/p/priorities/?owner=group:default/team-8", concurrency,
                        Duration.ofSeconds(seconds));
                Measured plan = cpu.measure(port, "/api/priorities/plan?quarter=2027-Q1", concurrency,
                        Duration.ofSeconds(seconds));
                Measured planPage = cpu.measure(port, "/p/priorities/plan?quarter=2027-Q1", concurrency,
                        Duration.ofSeconds(seconds));
                double[] moves = moves(db, port, concurrency, Duration.ofSeconds(seconds));
                row("`GET /api/health` — the floor", health, "");
                row("`GET /api/priorities/tree?owner=team-7` (500 items)", tree, "p99 < 100 ms");
                row("`GET /p/priorities/?owner=…` (the backlog tree page, 500 items)", page, "");
                row("`GET /api/priorities/plan?quarter=2027-Q1` (" + teamCount + " teams)", plan, "< 300 ms");
                row("`GET /p/priorities/plan?quarter=2027-Q1` (the plan page)", planPage, "< 300 ms");
                System.out.printf(Locale.ROOT, "| `POST /api/priorities/items/{id}/rank` (a story to a random place "
                        + "among its team's 450), concurrency %d | %.0f moves/s, p50 %.1f ms, p99 %.1f ms, %d errors "
                        + "| p99 < 50 ms |%n", concurrency, moves[0], moves[1], moves[2], (long) moves[3]);
            }
        }
    }

    private static void row(String what, Measured m, String target) {
        LoadGenerator.Result r = m.result();
        System.out.printf(Locale.ROOT, "| %s, concurrency %d | %.0f req/s, p50 %.1f ms, p99 %.1f ms, %d errors, "
                + "%.1f ms CPU per request | %s |%n", what, r.concurrency(), r.perSecond(), r.p50Millis(), r.p99Millis(),
                r.errors(), m.cpuMillisPerRequest(), target);
    }

    /** A measured URL and the CPU the portal and the database used per request while it was measured. */
    private record Measured(LoadGenerator.Result result, double cpuMillisPerRequest) {
    }

    /**
     * CPU time of the portal and of the benchmark's PostgreSQL (its postmaster and backends, which are not the
     * portal's children here): on shared cores it says what a request costs when latency also says what the
     * neighbours cost.
     */
    private record Cpu(PortalProcess portal, Path postgresData) {

        Measured measure(int port, String path, int concurrency, Duration duration) throws Exception {
            LoadGenerator.run(port, path, concurrency, duration.dividedBy(3), PortalProcess.ADMIN_TOKEN);
            Duration before = used();
            LoadGenerator.Result result = LoadGenerator.run(port, path, concurrency, duration,
                    PortalProcess.ADMIN_TOKEN);
            Duration spent = used().minus(before);
            return new Measured(result, spent.toNanos() / 1e6 / Math.max(1, result.requests()));
        }

        private Duration used() throws Exception {
            long postmaster = Long.parseLong(Files.readAllLines(postgresData.resolve("postmaster.pid")).get(0).trim());
            Duration database = ProcessHandle.of(postmaster).stream()
                    .flatMap(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants()))
                    .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                    .reduce(Duration.ZERO, Duration::plus);
            return portal.cpuTime().plus(database);
        }
    }

    /** The SLO plugin's latest verdicts on 10,000 services: budget spent. */
    private static void signals(Connection db) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("""
                    INSERT INTO core.signal_latest (plugin, subject, kind, status, summary, value, link, observed_at)
                    SELECT 'slo', 'component:default/service-' || n, 'error-budget', 'CRITICAL',
                           'availability: budget spent — prioritise reliability (-3.0 %% of the error budget left)',
                           -0.03, '/services/service-' || n, now() - interval '1 minute'
                      FROM generate_series(0, %d) AS n""".formatted(signalCount - 1));
        }
    }

    private static long awaitHeard(Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = HEARD.matcher(Files.readString(log));
            long millis = -1;
            while (m.find()) {
                if (Long.parseLong(m.group(1)) >= signalCount) {
                    millis = Long.parseLong(m.group(2));
                }
            }
            if (millis >= 0) {
                return millis;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the plugin did not report hearing the signals; see " + log);
    }

    /**
     * 500 items per team: 2 themes, 8 epics (4 per theme), 40 features (5 per epic), 450 stories (about 11 per
     * feature), with rank keys in creation order as appending would give them, estimates and labels on the stories.
     */
    private static void items(Connection db) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("""
                    INSERT INTO priorities.items (key, title, level, parent_id, owner, horizon, investment, status,
                        rank_key, org_rank_key, created_by, created_at, updated_at)
                    SELECT 'b-' || t || '-t-' || n, 'Theme ' || n || ' of team ' || t, 'theme', NULL,
                           'group:default/team-' || t, 'future', 'foundation', 'in-progress',
                           'i' || lpad(n::text, 6, '0') || '1', 'i' || lpad((t * 2 + n)::text, 6, '0') || '1',
                           'benchmark', now(), now()
                      FROM generate_series(0, %1$d) t, generate_series(0, 1) n""".formatted(teamCount - 1));
            // The plan's sums are kept by triggers on items; their recount of 90,000 stories in one UPDATE stalled
            // for minutes in some runs (docs/PERFORMANCE.md), so this setup loads with the triggers off and fills
            // the sums once, set-based, as the triggers would have left them.
            s.execute("SET session_replication_role = replica");
            level(s, "epic", "theme", 8, 2);
            level(s, "feature", "epic", 40, 8);
            level(s, "story", "feature", 450, 40);
            s.execute("""
                    UPDATE priorities.items SET estimate_weeks = 1 + (id %% 5), quarter = '2027-Q1',
                        horizon = CASE WHEN id %% 10 < 7 THEN 'immediate' ELSE 'future' END,
                        investment = CASE WHEN id %% 10 < 3 THEN 'foundation' ELSE 'innovation' END,
                        rice_reach = 100 * (id %% 50), rice_impact = 1, rice_confidence = 0.8, rice_effort = 2,
                        rice_score = 40 * (id %% 50)
                     WHERE level = 'story'""".formatted());
            s.execute("RESET session_replication_role");
            s.execute("""
                    INSERT INTO priorities.plan_counted (item_id, owner, quarter, horizon, investment, weeks)
                    SELECT i.id, i.owner, i.quarter, i.horizon, i.investment, i.estimate_weeks
                      FROM priorities.items i
                     WHERE i.quarter IS NOT NULL AND i.status <> 'dropped' AND i.estimate_weeks IS NOT NULL
                       AND NOT EXISTS (SELECT 1 FROM priorities.items c WHERE c.parent_id = i.id
                                        AND c.status <> 'dropped' AND c.estimate_weeks IS NOT NULL)""");
            s.execute("""
                    INSERT INTO priorities.plan_sums (quarter, owner, items, immediate, future, foundation, innovation)
                    SELECT quarter, owner, count(*),
                           coalesce(sum(weeks) FILTER (WHERE horizon = 'immediate'), 0),
                           coalesce(sum(weeks) FILTER (WHERE horizon <> 'immediate'), 0),
                           coalesce(sum(weeks) FILTER (WHERE investment = 'foundation'), 0),
                           coalesce(sum(weeks) FILTER (WHERE investment <> 'foundation'), 0)
                      FROM priorities.plan_counted GROUP BY quarter, owner""");
            // Autovacuum would get there soon after such a load; the measures are of that steady state, in which
            // the plan's partial indexes are read without visiting the table.
            s.execute("VACUUM ANALYZE priorities.items");
        }
    }

    /** {@code count} items of {@code level} per team, dealt round the team's {@code parents} parents. */
    private static void level(Statement s, String level, String parentLevel, int count, int parents)
            throws Exception {
        s.execute("""
                INSERT INTO priorities.items (key, title, level, parent_id, owner, horizon, investment, status,
                    rank_key, created_by, created_at, updated_at)
                SELECT 'b-' || t || '-%1$s-' || n, '%1$s ' || n || ' of team ' || t, '%1$s',
                       (SELECT p.id FROM priorities.items p WHERE p.key = 'b-' || t || '-%2$s-' || (n %% %3$d)),
                       'group:default/team-' || t, 'immediate', 'innovation', 'ready',
                       'i' || lpad(n::text, 6, '0') || '1', 'benchmark', now(), now()
                  FROM generate_series(0, %4$d) t, generate_series(0, %5$d) n"""
                .formatted(level, parentLevel.equals("theme") ? "t" : parentLevel, parents, teamCount - 1, count - 1));
    }

    /** Rank moves of random stories to random places, from {@code concurrency} clients: per second, p50, p99, errors. */
    private static double[] moves(Connection db, int port, int concurrency, Duration duration) throws Exception {
        List<Long> stories = new ArrayList<>();
        try (Statement s = db.createStatement();
                var rs = s.executeQuery("SELECT id FROM priorities.items WHERE level = 'story' ORDER BY id")) {
            while (rs.next()) {
                stories.add(rs.getLong(1));
            }
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        for (Duration phase : List.of(duration.dividedBy(3), duration)) {
            latencies.clear();
            errors.set(0);
            long end = System.nanoTime() + phase.toNanos();
            Parallel.run(concurrency, worker -> {
                long n = 0;
                while (System.nanoTime() < end) {
                    long id = stories.get(ThreadLocalRandom.current().nextInt(stories.size()));
                    String body = "{\"position\": " + (1 + ThreadLocalRandom.current().nextInt(450))
                            + ", \"reason\": \"benchmark\"}";
                    long t0 = System.nanoTime();
                    HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                    + port + "/api/priorities/items/" + id + "/rank"))
                            .header("Authorization", "Bearer " + PortalProcess.ADMIN_TOKEN)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    latencies.add(System.nanoTime() - t0);
                    if (response.statusCode() != 200) {
                        errors.incrementAndGet();
                    }
                    n++;
                }
                return n;
            });
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new double[] {sorted.length / (double) duration.toSeconds(), sorted[sorted.length / 2] / 1e6,
            sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1e6, errors.get()};
    }

    /**
     * What the plan's two ways of reading the quarter's sums cost in the database, once each after one warm-up: the
     * aggregate over every counted item (what each request ran before the sums were kept) and the kept sums.
     */
    private static void explain(Connection db) throws Exception {
        String aggregate = """
                SELECT i.owner,
                       coalesce(sum(i.estimate_weeks) FILTER (WHERE i.horizon = 'immediate'), 0),
                       coalesce(sum(i.estimate_weeks) FILTER (WHERE i.horizon <> 'immediate'), 0),
                       coalesce(sum(i.estimate_weeks) FILTER (WHERE i.investment = 'foundation'), 0),
                       coalesce(sum(i.estimate_weeks) FILTER (WHERE i.investment <> 'foundation'), 0)
                  FROM priorities.items i
                 WHERE i.quarter = '2027-Q1' AND i.status <> 'dropped' AND i.estimate_weeks IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM priorities.items c WHERE c.parent_id = i.id
                                    AND c.status <> 'dropped' AND c.estimate_weeks IS NOT NULL)
                   AND i.owner LIKE 'group:%' GROUP BY i.owner""";
        String kept = """
                SELECT owner, immediate, future, foundation, innovation FROM priorities.plan_sums
                 WHERE quarter = '2027-Q1' AND owner LIKE 'group:%'""";
        boolean sumsKept = count(db, "SELECT count(*) FROM information_schema.tables WHERE table_schema = "
                + "'priorities' AND table_name = 'plan_sums'") > 0;
        for (Map.Entry<String, String> read : (sumsKept ? Map.of("The aggregate over every counted item:", aggregate,
                "The kept sums:", kept) : Map.of("The aggregate over every counted item:", aggregate)).entrySet()) {
            List<String> plan = new ArrayList<>();
            for (int run = 0; run < 2; run++) {
                plan.clear();
                try (Statement s = db.createStatement();
                        var rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + read.getValue())) {
                    while (rs.next()) {
                        plan.add(rs.getString(1));
                    }
                }
            }
            System.out.println(read.getKey());
            plan.forEach(line -> System.out.println("    " + line));
        }
    }

    private static long count(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
