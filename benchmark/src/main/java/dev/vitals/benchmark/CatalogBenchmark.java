package dev.vitals.benchmark;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog at organisation scale: imports a generated catalog of 10,000 services (100 teams, 20 systems, each
 * service depending on three others) with {@code import catalog}, gives every service latest signals of three
 * plugins, then measures the pages and API people open most, beside the floors (a static file and
 * {@code /api/health}) in the same run.
 *
 * <p>Usage: {@code java -cp 'benchmark/target/classes:benchmark/target/lib/*' dev.vitals.benchmark.CatalogBenchmark
 * distribution/target/vitals [services=10000] [concurrency=16] [seconds=20]}; with {@code VITALS_PLUGINS} set, the
 * portal starts only those plugins.
 */
public final class CatalogBenchmark {

    private CatalogBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path distribution = Path.of(args.length > 0 ? args[0] : "distribution/target/vitals");
        int services = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        Duration duration = Duration.ofSeconds(args.length > 3 ? Integer.parseInt(args[3]) : 20);
        Path dataDir = Files.createTempDirectory("vitals-catalog-benchmark");
        Path catalog = generate(dataDir.resolve("catalog.yaml"), services);

        PortalProcess.run(distribution, dataDir, "--help"); // unpack the embedded database once, outside the timing
        PortalProcess.run(distribution, dataDir, "import", "catalog", dataDir.resolve("warmup.yaml").toString());
        double seconds = PortalProcess.run(distribution, dataDir, "import", "catalog", catalog.toString());
        System.out.printf(Locale.ROOT, "import of %d services (%d MiB, one process start included): %.1f s%n", services,
                Files.size(catalog) >> 20, seconds);

        int port = PortalProcess.freePort();
        // VITALS_PLUGINS=slo,deploys tells the grid's own cost from its neighbours' background work; the portal's
        // JVM options (a flight recording) go in -Dvitals.benchmark.portalOptions.
        Map<String, String> env = new HashMap<>();
        Optional.ofNullable(System.getenv("VITALS_PLUGINS")).ifPresent(p -> env.put("VITALS_PLUGINS", p));
        Optional.ofNullable(System.getProperty("vitals.benchmark.portalOptions"))
                .ifPresent(o -> env.put("JAVA_TOOL_OPTIONS", o));
        System.out.println("plugins: " + env.getOrDefault("VITALS_PLUGINS", "all of the distribution's"));
        try (PortalProcess portal = PortalProcess.start(distribution, dataDir, port, env, null)) {
            double signalSeconds = publishSignals(dataDir, services);
            System.out.printf(Locale.ROOT, "%d latest signals stored for %d services: %.1f s%n", 4 * services, services,
                    signalSeconds);
            System.out.printf(Locale.ROOT, "the portal went quiet after %.1f s%n",
                    portal.awaitQuiet(Duration.ofMinutes(3)).toMillis() / 1e3);
            System.out.println("| Request | Concurrency | Throughput | p50 | p99 | Errors | CPU per request (portal + database) |");
            for (String path : new String[] {"/static/vitals.css", "/api/health", "/", "/?page=100", "/?group=team",
                    "/services", "/api/catalog/services",
                    "/services?text=service-12&owner=group:default/team-7"}) {
                LoadGenerator.run(port, path, concurrency, duration.dividedBy(3), PortalProcess.ADMIN_TOKEN); // warm-up
                Duration before = portal.cpuTime();
                LoadGenerator.Result result = LoadGenerator.run(port, path, concurrency, duration,
                        PortalProcess.ADMIN_TOKEN);
                Duration used = portal.cpuTime().minus(before);
                System.out.printf(Locale.ROOT, "%s %.1f ms |%n", result.line(), used.toNanos() / 1e6 / result.requests());
            }
        }
    }

    /**
     * Four latest signals per service, as the SLO plugin (two kinds), the deploys plugin and the example plugin would
     * publish them, with statuses spread over all four. They are written into {@code core.signal_latest} on the
     * embedded database as the host's role, so the triggers keep the totals and the grid's cells as they do for every
     * publish; the plugins have no data of their own here, so none of them publishes over them.
     */
    private static double publishSignals(Path dataDir, int services) throws Exception {
        Path pgdata = dataDir.resolve("postgres");
        String url = "jdbc:postgresql://127.0.0.1:" + Files.readString(pgdata.resolve("vitals-port")).strip() + "/vitals";
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, "vitals",
                Files.readString(pgdata.resolve("vitals-host-password")).strip());
                PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO core.signal_latest (plugin, subject, kind, status, summary, value, link, observed_at)
                        SELECT p.plugin, 'component:default/service-' || i, p.kind,
                               (ARRAY['OK', 'OK', 'OK', 'WARN', 'CRITICAL', 'UNKNOWN'])[1 + (i * p.salt) % 6],
                               p.kind || ' of service ' || i, i, '/p/' || p.plugin || '/service-' || i, now()
                        FROM generate_series(0, ? - 1) i,
                             (VALUES ('slo', 'error-budget', 7), ('slo', 'latency', 11), ('deploys', 'dora', 13),
                                     ('example', 'notes', 1)) p (plugin, kind, salt)""")) {
            insert.setInt(1, services);
            insert.executeUpdate();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static Path generate(Path file, int services) throws Exception {
        Files.writeString(file.resolveSibling("warmup.yaml"), team(-1).replace("team--1", "warmup-team"));
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (int t = 0; t < 100; t++) {
                out.write(team(t));
                out.write("---\n");
            }
            for (int s = 0; s < 20; s++) {
                out.write("apiVersion: backstage.io/v1alpha1\nkind: System\nmetadata:\n  name: system-" + s
                        + "\nspec:\n  owner: team-" + s + "\n---\n");
            }
            for (int i = 0; i < services; i++) {
                out.write("apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: service-" + i
                        + "\n  description: Generated service number " + i + "\n  tags: [java, tier-" + (i % 3) + "]\n"
                        + "spec:\n  type: service\n  lifecycle: production\n  owner: team-" + (i % 100) + "\n  system: system-"
                        + (i % 20) + "\n  dependsOn: [component:service-" + ((i + 1) % services) + ", component:service-"
                        + ((i + 7) % services) + ", component:service-" + ((i + 31) % services) + "]\n");
                if (i < services - 1) {
                    out.write("---\n");
                }
            }
        }
        return file;
    }

    private static String team(int t) {
        return "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-" + t
                + "\nspec:\n  type: team\n  children: []\n";
    }
}
