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
 * file's shape, in the same database, for docs/PERFORMANCE.md. A portal imports file after file over its life, so
 * the measured import comes after a first one of {@code -Dcost.warmupRows} rows (default 200,000) of another billing
 * account, in which the compiler's work on the import's code is done; {@code -Dcost.warmupRows=0} measures the first
 * import after a start.
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
        int warmupRows = Integer.parseInt(System.getProperty("cost.warmupRows", "200000"));
        if (warmupRows > 0) {
            long warm = System.nanoTime();
            Uploads.asAdmin(portal, "text/csv", () -> GeneratedFocus.stream(warmupRows, "acct-warm")).expect(201);
            System.out.printf("warm-up import of %,d rows of another account: %,d ms%n", warmupRows,
                    (System.nanoTime() - warm) / 1_000_000);
        }
        Path file = Files.createTempFile("focus-", ".csv");
        try {
            try (InputStream in = GeneratedFocus.stream(rows)) {
                Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            resetHeapPeaks();
            long postmaster = portal.pluginJdbi().withHandle(MillionRowRun::postmaster);
            long cpuBefore = cpu(postmaster);
            long jvmBefore = jvmCpu();
            java.util.Map<String, Long> kindsBefore = databaseCpuByKind(postmaster);
            long start = System.nanoTime();
            Uploads.asAdmin(portal, "text/csv", () -> {
                try {
                    return Files.newInputStream(file);
                } catch (java.io.IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).expect(201);
            long imported = System.nanoTime() - start;
            long importCpu = cpu(postmaster) - cpuBefore;
            long importJvm = jvmCpu() - jvmBefore;
            long heapPeak = heapPeak();
            java.util.Map<String, Long> kinds = databaseCpuByKind(postmaster);
            kinds.replaceAll((kind, ns) -> ns - kindsBefore.getOrDefault(kind, 0L));

            long[] copyCpu = {0};
            long[] copyJvm = {0};
            long copied = portal.pluginJdbi().withHandle(h -> {
                h.execute("""
                        CREATE TABLE raw_focus (billing_account_id text, billing_period_start timestamptz,
                            billing_period_end timestamptz, charge_period_start timestamptz,
                            charge_period_end timestamptz, charge_category text, provider_name text,
                            billing_currency text, billed_cost numeric, effective_cost numeric, tags jsonb)""");
                h.execute("SET statement_timeout = 0");
                h.getConnection().setNetworkTimeout(Runnable::run, 0);
                long begin = System.nanoTime();
                copyCpu[0] = cpu(postmaster);
                copyJvm[0] = jvmCpu();
                try (Reader csv = Files.newBufferedReader(file)) {
                    h.getConnection().unwrap(PGConnection.class).getCopyAPI().copyIn(
                            "COPY raw_focus FROM STDIN (FORMAT csv, HEADER true, NULL 'NULL')", csv);
                }
                long took = System.nanoTime() - begin;
                copyCpu[0] = cpu(postmaster) - copyCpu[0];
                copyJvm[0] = jvmCpu() - copyJvm[0];
                h.execute("DROP TABLE raw_focus");
                return took;
            });

            long stored = portal.pluginJdbi().withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM charges WHERE billing_account_id = 'acct-big'")
                    .mapTo(Long.class).one());
            assertEquals(rows, stored);
            System.out.printf("cost import of %,d rows (%,d bytes): API %,d ms = %,.0f rows/s; raw COPY %,d ms = "
                    + "%,.0f rows/s; API / COPY = %.2f; heap peak during the import %,d MB of max %,d MB%n",
                    rows, Files.size(file), imported / 1_000_000, rows / (imported / 1e9), copied / 1_000_000,
                    rows / (copied / 1e9), (double) copied / imported, heapPeak >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf("CPU (this JVM and every PostgreSQL process): import %,d ms, raw COPY %,d ms; "
                    + "COPY / import = %.2f%n", importCpu / 1_000_000, copyCpu[0] / 1_000_000,
                    (double) copyCpu[0] / importCpu);
            System.out.printf("of which this JVM: import %,d ms, raw COPY %,d ms; per 1,000 rows: import %.2f ms, "
                    + "raw COPY %.2f ms%n", importJvm / 1_000_000, copyJvm[0] / 1_000_000, importCpu / 1e3 / rows,
                    copyCpu[0] / 1e3 / rows);
            System.out.printf("PostgreSQL's CPU during the import by process (those still running at its end): %s%n",
                    kinds.entrySet().stream().map(e -> e.getKey() + " " + (e.getValue() / 1_000_000) + " ms")
                            .collect(java.util.stream.Collectors.joining(", ")));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The embedded server's postmaster: the parent of this connection's backend. */
    private static long postmaster(org.jdbi.v3.core.Handle h) {
        long backend = h.createQuery("SELECT pg_backend_pid()").mapTo(Long.class).one();
        return stat(backend).map(f -> Long.parseLong(f[1])).orElseThrow();
    }

    /**
     * CPU time so far of this JVM and of the database's processes, in ns: on shared cores wall-clock time says more
     * about the neighbours than about the import. Linux only; backends that ended meanwhile are not counted.
     */
    private static long cpu(long postmaster) throws java.io.IOException {
        long database = stat(postmaster).map(MillionRowRun::cpuNanos).orElse(0L);
        for (long processes : databaseCpuByKind(postmaster).values()) {
            database += processes;
        }
        return jvmCpu() + database;
    }

    /** @param stat a process's /proc/PID/stat fields from the state on @return its CPU time so far, in ns */
    private static long cpuNanos(String[] stat) {
        return (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) * 10_000_000L;       // USER_HZ is 100 on Linux
    }

    /**
     * CPU time so far of the database's processes by kind (the sessions, autovacuum, the writers), in ns, the
     * postmaster itself aside: autovacuum
     * starting on the fresh rows inside the measured window or not moves the total by a second or more.
     */
    private static java.util.Map<String, Long> databaseCpuByKind(long postmaster) throws java.io.IOException {
        java.util.Map<String, Long> kinds = new java.util.TreeMap<>();
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) processes::iterator) {
                String name = p.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit)) {
                    long pid = Long.parseLong(name);
                    var fields = stat(pid);
                    if (fields.isPresent() && Long.parseLong(fields.get()[1]) == postmaster) {
                        String command;
                        try {
                            command = Files.readString(p.resolve("cmdline"));
                        } catch (java.io.IOException gone) {
                            continue;
                        }
                        String kind = command.contains("autovacuum") ? "autovacuum"
                                : command.matches("(?s)postgres: *(walwriter|checkpointer|background writer|"
                                        + "walsummarizer|logical replication launcher|io worker).*")
                                        ? "writers and launchers" : "sessions";
                        kinds.merge(kind, cpuNanos(fields.get()), Long::sum);
                    }
                }
            }
        }
        return kinds;
    }

    /** CPU time so far of this JVM (the portal, its client and the compiler and collector threads), in ns. */
    private static long jvmCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** /proc/PID/stat from the state on (state, ppid, …, utime at 11, stime at 12), if the process still runs. */
    private static java.util.Optional<String[]> stat(long pid) {
        try {
            String text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return java.util.Optional.of(text.substring(text.lastIndexOf(')') + 2).split(" "));
        } catch (java.io.IOException e) {
            return java.util.Optional.empty();
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
