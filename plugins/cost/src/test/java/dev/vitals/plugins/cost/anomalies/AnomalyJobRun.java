package dev.vitals.plugins.cost.anomalies;

import dev.vitals.testkit.TestCatalog;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A measurement, not a test of the build (it runs only when {@code -Dcost.anomalyServices=N} is given): N services
 * (100 teams) with a daily charge for 13 months (weekly rhythm, growth, noise, a month-start batch on every third
 * service, a spike every 97th service-day), written straight into {@code charges} with SQL, then the detection job
 * assessing all of it: read per service and day through the ledger, the band of every day, the period-over-period
 * alerts of services and teams, the stores and the signals. For docs/PERFORMANCE.md.
 *
 * <pre>
 * mvn -B -q -o test -pl plugins/cost -am -Dtest=AnomalyJobRun -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dcost.anomalyServices=2000
 * </pre>
 */
@EnabledIfSystemProperty(named = "cost.anomalyServices", matches = "[0-9]+")
class AnomalyJobRun {

    private static final int SERVICES = Integer.parseInt(System.getProperty("cost.anomalyServices", "0"));

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .environment("VITALS_TIMEZONE", "UTC")
            .setting("detect_every", "1d")
            .catalog(catalog())
            .build();

    private static TestCatalog catalog() {
        TestCatalog catalog = TestCatalog.of();
        for (int t = 0; t < 100; t++) {
            catalog.team("team-" + t);
        }
        for (int s = 0; s < SERVICES; s++) {
            catalog.service("svc-" + s, "team-" + (s % 100));
        }
        return catalog;
    }

    @Test
    void detectOverThirteenMonths(VitalsPortal portal) {
        LocalDate first = LocalDate.now(portal.clock()).minusMonths(13).withDayOfMonth(1);
        LocalDate end = LocalDate.now(portal.clock());
        long load = System.nanoTime();
        long rows = portal.pluginJdbi().inTransaction(h -> {
            long id = h.createQuery("""
                    INSERT INTO imports (imported_at, imported_by, rows, reporting) VALUES (now(), 'run', 0, 'USD')
                    RETURNING id""").mapTo(Long.class).one();
            long written = h.createUpdate("""
                    INSERT INTO charges (import_id, row_number, billing_account_id, billing_period_start,
                        billing_period_end, charge_period_start, charge_period_end, charge_category, provider_name,
                        billing_currency, billed_cost, effective_cost, rate, allocation_tag)
                    SELECT :id, s * 1000 + d, 'run', date_trunc('month', day), date_trunc('month', day)
                           + interval '1 month', day, day + interval '1 day', 'Usage', 'Run', 'USD', c, c, 1,
                           'svc-' || s
                    FROM generate_series(0, :services - 1) AS s,
                         generate_series(0, (:end::date - :first::date) - 1) AS d,
                         LATERAL (SELECT (:first::date + d)::timestamptz AS day) AS t,
                         LATERAL (SELECT round(((20 + (s % 50) * 10)
                             * CASE WHEN extract(isodow FROM day) >= 6 THEN 0.6 ELSE 1 END
                             * (1 + 0.001 * d) * (1 + 0.05 * (random() - 0.5))
                             * CASE WHEN extract(day FROM day) = 1 AND s % 3 = 0 THEN 1.8 ELSE 1 END
                             * CASE WHEN (s * 7 + d) % 97 = 0 THEN 3 ELSE 1 END)::numeric, 4) AS c) AS cost""")
                    .bind("id", id).bind("services", SERVICES).bind("first", first).bind("end", end).execute();
            // The distinct charge starts, as an import notes them (migration V9).
            h.execute("""
                    INSERT INTO charge_starts (billing_account_id, billing_period_start, charge_period_start)
                    SELECT DISTINCT billing_account_id, billing_period_start, charge_period_start FROM charges""");
            return written;
        });
        long loaded = System.nanoTime() - load;
        // As an import would, the rows are allocated to their services before the job reads them: what is measured
        // below is detection, not the allocation of 13 months.
        long allocating = System.nanoTime();
        portal.pluginJdbi().useHandle(h -> h.execute("""
                INSERT INTO allocation_dirty (first_start, last_start)
                SELECT min(charge_period_start), max(charge_period_start) FROM charges"""));
        dev.vitals.plugins.cost.Uploads.asAdmin(portal, "GET", "/api/cost/costs?groupBy=team&from=" + first + "&to="
                + end, "application/json", () -> java.io.InputStream.nullInputStream()).expect(200);
        long allocated = System.nanoTime() - allocating;
        for (int run = 1; run <= 2; run++) {
            // Forgetting what the job has seen makes it assess the whole import again.
            portal.pluginJdbi().useHandle(h -> h.execute("DELETE FROM detection_marks"));
            long start = System.nanoTime();
            try {
                portal.runJob("detect-cost-anomalies");
            } catch (AssertionError slow) {
                // The kit waits 30 s; a slower run is still measured, to its end.
                awaitSuccessAfter(portal, java.time.Instant.now().minusNanos(System.nanoTime() - start));
            }
            long detected = System.nanoTime() - start;
            long anomalies = portal.pluginJdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM anomalies")
                    .mapTo(Long.class).one());
            long alerts = portal.pluginJdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM alerts")
                    .mapTo(Long.class).one());
            System.out.printf("ANOMALY JOB run %d: %d services, %d rows (%s to %s) written in %.1f s, allocated "
                    + "in %.1f s; the job assessed them in %.1f s: %d anomalies, %d alerts; load average %.1f%n", run,
                    SERVICES, rows, first, end, loaded / 1e9, allocated / 1e9, detected / 1e9, anomalies, alerts,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static void awaitSuccessAfter(VitalsPortal portal, java.time.Instant since) {
        while (!portal.jdbi().withHandle(h -> h.createQuery("""
                SELECT coalesce(max(last_success) > :since, false) FROM core.scheduled_tasks
                WHERE task_name LIKE '%detect-cost-anomalies%'""").bind("since", since).mapTo(Boolean.class).one())) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
