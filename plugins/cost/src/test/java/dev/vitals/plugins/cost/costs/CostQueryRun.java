package dev.vitals.plugins.cost.costs;

import dev.vitals.testkit.Person;
import dev.vitals.testkit.TestCatalog;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A measurement, not a test of the build (it runs only when {@code -Dcost.services=N} is given): N services in N/20
 * teams, each billed daily for 13 months (one row per service and day, plus a {@code shared=platform} row a day split
 * by a proportional rule among the organisation), written straight into the charges and allocated by saving the rule;
 * then, at concurrency 16, the cost overview ({@code groupBy=team} over the last 30 days), a team's daily series over
 * the same days, and {@code GET /api/health} as the floor, each closed-loop for {@code cost.seconds} (default 20).
 *
 * <pre>
 * mvn -B -q -o test -pl plugins/cost -am -Dtest=CostQueryRun -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dcost.services=2000
 * </pre>
 */
@EnabledIfSystemProperty(named = "cost.services", matches = "[0-9]+")
class CostQueryRun {

    private static final int SERVICES = Integer.getInteger("cost.services", 0);
    private static final int TEAMS = Math.max(1, SERVICES / 20);
    private static final YearMonth LAST = YearMonth.of(2025, 12);
    private static final int CONCURRENCY = 16;

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .environment("VITALS_TIMEZONE", "UTC")
            .catalog(catalog())
            .build();

    private static TestCatalog catalog() {
        TestCatalog catalog = TestCatalog.of();
        for (int t = 0; t < TEAMS; t++) {
            catalog = catalog.team("team-" + t);
        }
        for (int s = 0; s < SERVICES; s++) {
            catalog = catalog.service("service-" + s, "team-" + (s % TEAMS));
        }
        return catalog;
    }

    @Test
    void overviewAndTeamSeriesAgainstTheHealthFloor(VitalsPortal portal) throws Exception {
        long started = System.nanoTime();
        long rows = load(portal);
        double importSeconds = (System.nanoTime() - started) / 1e9;
        started = System.nanoTime();
        dev.vitals.plugins.cost.Uploads.asAdmin(portal, "POST", "/api/cost/rules?reallocate=from:"
                + LAST.minusMonths(12).atDay(1), "application/json", () -> new java.io.ByteArrayInputStream("""
                {"name": "platform", "match": {"tag": {"shared": "platform"}}, "split": "proportional",
                 "among": "org"}""".getBytes(java.nio.charset.StandardCharsets.UTF_8))).expect(201);
        double ruleSeconds = (System.nanoTime() - started) / 1e9;

        LocalDate to = LAST.plusMonths(1).atDay(1);
        LocalDate from = to.minusDays(30);
        String overview = "/api/cost/costs?groupBy=team&from=" + from + "&to=" + to;
        String team = "/api/cost/costs/daily?team=team-7&from=" + from + "&to=" + to;
        int seconds = Integer.getInteger("cost.seconds", 20);
        List<String> lines = new ArrayList<>();
        for (String path : List.of("/api/health", overview, team)) {
            load(portal, path, Duration.ofSeconds(Math.max(1, seconds / 3)), CONCURRENCY);
            // One request at a time first: its median is about a request's own cost, free of queueing.
            lines.add(load(portal, path, Duration.ofSeconds(Math.max(1, seconds / 3)), 1));
            lines.add(load(portal, path, Duration.ofSeconds(seconds), CONCURRENCY));
        }
        explain(portal, from, to);
        System.out.printf(Locale.ROOT, "cost queries at %,d services x 13 months (%,d rows): written %.1f s, "
                + "proportional rule over all days (allocating them) %.1f s%n", SERVICES, rows, importSeconds,
                ruleSeconds);
        System.out.println("| URL | Concurrency | Throughput | p50 | p99 | JVM CPU per request | Errors |");
        lines.forEach(System.out::println);
    }

    /**
     * Writes the 13 months straight into the charges with one statement, as an import of them would store them (the
     * import's own speed is {@code MillionRowRun}'s to measure), and notes their days for allocation, as the import
     * does: the first answer, or the rule saved next, allocates them.
     *
     * @return the rows written
     */
    private static long load(VitalsPortal portal) {
        LocalDate first = LAST.minusMonths(12).atDay(1);
        LocalDate end = LAST.plusMonths(1).atDay(1);
        return portal.pluginJdbi().inTransaction(h -> {
            long id = h.createQuery("""
                    INSERT INTO imports (imported_at, imported_by, rows, reporting) VALUES (now(), 'run', 0, 'USD')
                    RETURNING id""").mapTo(Long.class).one();
            int written = h.createUpdate("""
                    INSERT INTO charges (import_id, row_number, billing_account_id, billing_period_start,
                        billing_period_end, charge_period_start, charge_period_end, charge_category, provider_name,
                        billing_currency, billed_cost, effective_cost, rate, allocation_tag, tags)
                    SELECT :id, d * 100000 + s, 'acct-big', date_trunc('month', day), date_trunc('month', day)
                           + interval '1 month', day, day + interval '1 day', 'Usage', 'AWS', 'USD', c, c, 1,
                           CASE WHEN s < :services THEN 'service-' || s END,
                           CASE WHEN s < :services THEN jsonb_build_object('service', 'service-' || s)
                                ELSE jsonb_build_object('shared', 'platform') END
                    FROM generate_series(0, (:end::date - :first::date) - 1) AS d,
                         generate_series(0, :services) AS s,
                         LATERAL (SELECT (:first::date + d)::timestamptz AS day) AS t,
                         LATERAL (SELECT CASE WHEN s < :services
                             THEN (1000 + (s * 37 + (extract(day FROM day)::int) * 11) % 900) / 100.0
                             ELSE 250.00 END::numeric AS c) AS cost""")
                    .bind("id", id).bind("services", SERVICES).bind("first", first).bind("end", end).execute();
            // The distinct charge starts, as an import notes them (migration V9).
            h.execute("""
                    INSERT INTO charge_starts (billing_account_id, billing_period_start, charge_period_start)
                    SELECT DISTINCT billing_account_id, billing_period_start, charge_period_start FROM charges""");
            h.createUpdate("""
                    INSERT INTO allocation_dirty (first_start, last_start)
                    VALUES (:first::date::timestamptz, (:end::date - 1)::timestamptz)""")
                    .bind("first", first).bind("end", end).execute();
            return (long) written;
        });
    }

    /** Where a statement's time goes: the plans of what the two answers read, at this size. */
    private static void explain(VitalsPortal portal, LocalDate from, LocalDate to) {
        List<String> statements = List.of("""
                SELECT service, sum(direct) AS direct, sum(shared) AS shared FROM allocations
                WHERE day >= :from AND day < :to GROUP BY service""", """
                SELECT team, sum(direct) AS direct, sum(shared) AS shared FROM allocation_team_days
                WHERE day >= :from AND day < :to GROUP BY team""", """
                SELECT day, sum(direct + shared) AS cost FROM allocations
                WHERE day >= :from AND day < :to AND service = ANY(:services) GROUP BY day""", """
                SELECT day, sum(direct + shared) AS cost FROM allocation_team_days
                WHERE day >= :from AND day < :to AND team = ANY(:teams) GROUP BY day""");
        List<String> services = new ArrayList<>();
        for (int s = 7; s < SERVICES; s += TEAMS) {
            services.add("component:default/service-" + s);
        }
        portal.pluginJdbi().useHandle(h -> {
            for (String statement : statements) {
                boolean exists = h.createQuery("SELECT to_regclass(:t) IS NOT NULL")
                        .bind("t", statement.contains("allocation_team_days") ? "allocation_team_days" : "allocations")
                        .mapTo(Boolean.class).one();
                if (!exists) {
                    continue;
                }
                var query = h.createQuery("EXPLAIN (ANALYZE, BUFFERS) " + statement).bind("from", from).bind("to", to);
                if (statement.contains(":services")) {
                    query.bindArray("services", String.class, services);
                }
                if (statement.contains(":teams")) {
                    query.bindArray("teams", String.class, List.of("group:default/team-7"));
                }
                System.out.println(query.mapTo(String.class).list().stream().reduce("", (a, b) -> a + b + "\n"));
            }
        });
    }

    /** Closed loop: each worker sends the next request as soon as the last one answered. */
    private static String load(VitalsPortal portal, String path, Duration duration, int concurrency)
            throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(concurrency * 2);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(threads).build();
        Person viewer = Person.viewer("vera");
        HttpRequest request = HttpRequest.newBuilder(portal.uri(path)).header("Accept", "application/json")
                .header("X-Forwarded-User", viewer.name()).build();
        var process = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        long cpu = process.getProcessCpuTime();
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        List<Future<long[]>> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            workers.add(threads.submit(() -> {
                long[] took = new long[1 << 12];
                int n = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> answer = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (answer.statusCode() != 200) {
                        throw new IllegalStateException(path + " answered " + answer.statusCode());
                    }
                    took = n == took.length ? Arrays.copyOf(took, n * 2) : took;
                    took[n++] = System.nanoTime() - t0;
                }
                return Arrays.copyOf(took, n);
            }));
        }
        List<long[]> parts = new ArrayList<>();
        for (Future<long[]> worker : workers) {
            parts.add(worker.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        // The portal and the clients share this JVM; PostgreSQL's CPU is its own processes' and not in this figure.
        double cpuPerRequest = (process.getProcessCpuTime() - cpu) / 1e6;
        threads.shutdown();
        long[] sorted = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return String.format(Locale.ROOT, "| `GET %s` | %d | %.0f req/s | %.1f ms | %.1f ms | %.1f ms | 0 |", path,
                concurrency, sorted.length / elapsed, sorted[sorted.length / 2] / 1e6,
                sorted[Math.max(0, (int) Math.ceil(0.99 * sorted.length) - 1)] / 1e6, cpuPerRequest / sorted.length);
    }
}
