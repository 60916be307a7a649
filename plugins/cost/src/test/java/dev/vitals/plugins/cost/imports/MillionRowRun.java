package dev.vitals.plugins.cost.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vitals.plugins.cost.GeneratedFocus;
import dev.vitals.plugins.cost.Uploads;
import dev.vitals.testkit.TestCatalog;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;

/**
 * A measurement, not a test of the build (it runs only when {@code -Dcost.rows=N} is given): N generated rows
 * imported through {@code POST /api/cost/imports}, then the same file loaded by raw {@code COPY} into a table of the
 * file's shape, in the same database, for docs/PERFORMANCE.md.
 *
 * <pre>
 * mvn -B -q -o test -pl plugins/cost -am -Dtest=MillionRowRun -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dcost.rows=1000000 -DargLine=-Xmx256m
 * </pre>
 */
@EnabledIfSystemProperty(named = "cost.rows", matches = "[0-9]+")
class MillionRowRun {

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .environment("VITALS_TIMEZONE", "UTC")
            .setting("allocation_keys", "service,application")
            .catalog(TestCatalog.of().team("vision").service("blueassetedge", "vision"))
            .build();

    @Test
    void importAgainstRawCopy(VitalsPortal portal) throws Exception {
        int rows = Integer.parseInt(System.getProperty("cost.rows"));
        Path file = Files.createTempFile("focus-", ".csv");
        try {
            try (InputStream in = GeneratedFocus.stream(rows)) {
                Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            resetHeapPeaks();
            long start = System.nanoTime();
            Uploads.asAdmin(portal, "text/csv", () -> {
                try {
                    return Files.newInputStream(file);
                } catch (java.io.IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).expect(201);
            long imported = System.nanoTime() - start;
            long heapPeak = heapPeak();

            long copied = portal.pluginJdbi().withHandle(h -> {
                h.execute("""
                        CREATE TABLE raw_focus (billing_account_id text, billing_period_start timestamptz,
                            billing_period_end timestamptz, charge_period_start timestamptz,
                            charge_period_end timestamptz, charge_category text, provider_name text,
                            billing_currency text, billed_cost numeric, effective_cost numeric, tags jsonb)""");
                h.execute("SET statement_timeout = 0");
                h.getConnection().setNetworkTimeout(Runnable::run, 0);
                long begin = System.nanoTime();
                try (Reader csv = Files.newBufferedReader(file)) {
                    h.getConnection().unwrap(PGConnection.class).getCopyAPI().copyIn(
                            "COPY raw_focus FROM STDIN (FORMAT csv, HEADER true, NULL 'NULL')", csv);
                }
                long took = System.nanoTime() - begin;
                h.execute("DROP TABLE raw_focus");
                return took;
            });

            long stored = portal.pluginJdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM charges")
                    .mapTo(Long.class).one());
            assertEquals(rows, stored);
            System.out.printf("cost import of %,d rows (%,d bytes): API %,d ms = %,.0f rows/s; raw COPY %,d ms = "
                    + "%,.0f rows/s; API / COPY = %.2f; heap peak during the import %,d MB of max %,d MB%n",
                    rows, Files.size(file), imported / 1_000_000, rows / (imported / 1e9), copied / 1_000_000,
                    rows / (copied / 1e9), (double) copied / imported, heapPeak >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void resetHeapPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long heapPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
