package dev.vitals.benchmark;

import dev.vitals.api.CatalogChange;
import dev.vitals.api.CatalogChanges;
import dev.vitals.api.CatalogRelation;
import dev.vitals.api.EntityRef;
import dev.vitals.plugins.graph.answers.TeamMap;
import dev.vitals.plugins.graph.answers.Walks;
import dev.vitals.plugins.graph.api.ReachJson;
import dev.vitals.plugins.graph.freshness.GraphSnapshot;
import dev.vitals.plugins.graph.model.CatalogCopy;
import dev.vitals.plugins.graph.model.CatalogGraph;
import dev.vitals.plugins.graph.model.DependencyGraph;
import dev.vitals.plugins.graph.model.Direction;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dependency graph at organisation scale: a generated organisation of 50,000 services and 250,000 dependency
 * edges (heavy-tailed, see {@link GeneratedOrganisation}) imported with {@code import catalog}, then, against the
 * portal running only the graph plugin: the rebuild after a catalog change and after observed edges arrive, the cycles
 * report, the team map and criticality on a fresh snapshot, and the blast radius of the most depended-on database under load next to
 * {@code GET /api/health}. In the benchmark's own process, in the same run: the floor of the blast radius (a plain
 * breadth-first walk over int arrays of the same graph, at the same concurrency) and the heap the graph takes.
 *
 * <p>Usage: {@code java -cp 'benchmark/target/classes:benchmark/target/lib/*' dev.vitals.benchmark.GraphBenchmark
 * distribution/target/vitals [services=50000] [edges=250000] [teams=1000] [concurrency=16] [seconds=20]
 * [data directory to keep]}
 */
public final class GraphBenchmark {

    private static final Pattern BUILT_AT = Pattern.compile("\"builtAt\"\\s*:\\s*\"([^\"]+)\"");

    private GraphBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path distribution = Path.of(args.length > 0 ? args[0] : "distribution/target/vitals");
        int services = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int edges = args.length > 2 ? Integer.parseInt(args[2]) : 250_000;
        int teams = args.length > 3 ? Integer.parseInt(args[3]) : 1_000;
        int concurrency = args.length > 4 ? Integer.parseInt(args[4]) : 16;
        Duration duration = Duration.ofSeconds(args.length > 5 ? Integer.parseInt(args[5]) : 20);

        GeneratedOrganisation org = GeneratedOrganisation.generate(services, edges, teams, 7);
        System.out.println("organisation: " + org.shape());
        List<String> rows = new ArrayList<>() {
            @Override
            public boolean add(String row) {
                System.out.println(row);
                return super.add(row);
            }
        };

        // In this process: the graph built from the same catalog, weighed, and the floor of a walk over it.
        // Weighed as the portal holds it: the catalog objects it was read from are dropped once it is built.
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = heapAfterGc(memory);
        DependencyGraph graph = new CatalogGraph(new GeneratedCatalogView(org)).build();
        long graphBytes = heapAfterGc(memory) - before;
        GraphSnapshot snapshot = new GraphSnapshot(graph, List.of(), 1, Instant.EPOCH);
        snapshot.cycles();
        snapshot.teamMap();
        snapshot.criticality();
        long answeredBytes = heapAfterGc(memory) - before;
        int hub = graph.indexOf(EntityRef.parse(org.hub)).orElseThrow();
        int[][] dependents = graph.adjacency(Direction.DEPENDENTS);
        int reached = walk(dependents, hub, new int[graph.size()], new int[graph.size()], 1);
        System.out.printf(Locale.ROOT, "graph: %,d nodes, %,d edges; %s has %,d direct and %,d transitive dependents%n",
                graph.size(), graph.edges().size(), org.hub, graph.dependentsOf(hub).length, reached);
        GeneratedCatalogView view = new GeneratedCatalogView(org);
        double[] inProcessBuild = new double[3];
        for (int i = 0; i < inProcessBuild.length; i++) {
            long start = System.nanoTime();
            new CatalogGraph(view).build();
            inProcessBuild[i] = (System.nanoTime() - start) / 1e9;
        }
        // The plugin's share of a rebuild after a catalog change: one service's relations changed, applied to the
        // copy a whole read kept, the graph built from it and its team map, as the rebuild does; the thread's CPU.
        long beforeCopy = heapAfterGc(memory);
        CatalogCopy copy = new CatalogGraph(view).read();
        DependencyGraph fromCopy = copy.graph();
        long copyAndGraphBytes = heapAfterGc(memory) - beforeCopy;
        EntityRef changedService = EntityRef.of("component", "service-1");
        List<CatalogRelation> changedRelations = view.relations().stream()
                .filter(r -> r.source().equals(changedService)).toList();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] appliedCpu = new double[10];
        for (int i = 0; i < appliedCpu.length; i++) {
            List<CatalogRelation> relations = new ArrayList<>(changedRelations);
            if (i % 2 == 0) {
                relations.add(new CatalogRelation(changedService, "dependsOn", EntityRef.of("component", "service-2"),
                        true, java.util.Optional.empty()));
            }
            CatalogChanges changes = new CatalogChanges(i + 1, i + 2, List.of(new CatalogChange(changedService,
                    view.entity(changedService), relations)));
            long cpu = threads.getCurrentThreadCpuTime();
            copy.apply(changes);
            TeamMap.of(copy.graph());
            appliedCpu[i] = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
        }
        Arrays.sort(appliedCpu);
        fromCopy = copy.graph();
        copy = null;
        // What keeping the copy between rebuilds adds to the graph it built (they share the edges).
        long copyBytes = copyAndGraphBytes - (heapAfterGc(memory) - beforeCopy);
        System.out.printf(Locale.ROOT, "graph from the kept copy: %,d nodes, %,d edges%n", fromCopy.size(),
                fromCopy.edges().size());
        fromCopy = null;
        double[] floor = timedWalks(concurrency, duration, () -> {
            int[] seen = new int[dependents.length];
            int[] queue = new int[dependents.length];
            int[] stamp = {0};
            return () -> walk(dependents, hub, seen, queue, ++stamp[0]);
        });
        // The product's own walk and answer (the nearest 1,000 listed, every team, the total), nothing kept: what a
        // first ask costs before the JSON is written.
        double[] answers = answerWalks(graph, hub, concurrency, duration);
        rows.add(String.format(Locale.ROOT, "| Heap the in-memory graph retains (%,d nodes, %,d edges) | %.0f MiB; "
                + "%.0f MiB with cycles, team map and criticality computed | |", graph.size(), graph.edges().size(),
                graphBytes / 1048576.0, answeredBytes / 1048576.0));
        rows.add(String.format(Locale.ROOT, "| Graph built from catalog objects already in memory (no database), best of 3"
                + " | %.2f s | part of the rebuild |", Arrays.stream(inProcessBuild).min().orElseThrow()));
        rows.add(String.format(Locale.ROOT, "| One service's relations changed, applied to the copy a whole read kept, "
                + "the graph built and its team map (no database), 10 times: the thread's CPU, best / median | "
                + "%.2f s / %.2f s | the plugin's part of the rebuild |", appliedCpu[0], appliedCpu[5]));
        rows.add(String.format(Locale.ROOT, "| Heap the copy kept between rebuilds adds to its graph | %.0f MiB | |",
                copyBytes / 1048576.0));
        rows.add(String.format(Locale.ROOT, "| Plain int-array BFS from %s over the same graph, %d threads — the floor | "
                + "%.0f walks/s, p50 %.1f ms, p99 %.1f ms | |", org.hub, concurrency, floor[0], floor[1], floor[2]));
        rows.add(String.format(Locale.ROOT, "| The plugin's walk and 1,000-node answer from %s, in process, nothing "
                + "kept, %d threads (no JSON) | %.0f answers/s, p50 %.1f ms, p99 %.1f ms | |", org.hub, concurrency,
                answers[0], answers[1], answers[2]));
        view = null;
        snapshot = null;
        graph = null;

        // The product: import the catalog, start the portal with the graph plugin, ask it.
        // A data directory named as the last argument is kept: a second run skips the import of the same catalog.
        Path dataDir = args.length > 6 ? Files.createDirectories(Path.of(args[6]))
                : Files.createTempDirectory("vitals-graph-benchmark");
        Map<String, String> env = Map.of("VITALS_PLUGINS", "graph");
        Path imported = dataDir.resolve("imported-" + services + "-" + edges + "-" + teams);
        if (!Files.exists(imported)) {
            Path catalog = org.write(dataDir.resolve("catalog"));
            PortalProcess.run(distribution, dataDir, env, "--help"); // unpack the embedded database outside the timing
            double seconds = PortalProcess.run(distribution, dataDir, env, "import", "catalog", catalog.toString());
            rows.add(String.format(Locale.ROOT, "| `import catalog` of %,d entities (%d MiB, one process start "
                    + "included) | %.1f s | set-up |", org.entities.size(), size(catalog) >> 20, seconds));
            Files.writeString(imported, "imported\n");
        }
        int port = PortalProcess.freePort();
        try (PortalProcess portal = PortalProcess.start(distribution, dataDir, port, env,
                dataDir.resolve("portal.log"))) {
            rows.add(String.format(Locale.ROOT, "| Portal start to ready, first graph built | %.1f s | |",
                    portal.secondsToReady));
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://127.0.0.1:" + port;
            String blast = "/api/graph/nodes/" + org.hub + "/dependents";
            double[] rebuilds = new double[5];
            for (int i = 0; i < rebuilds.length; i++) {
                rebuilds[i] = rebuild(client, base, i);
                // The first requests on a fresh snapshot compute its cycles and criticality, walk the hub's blast
                // radius and write each as JSON (the team map is computed during the rebuild); the second are kept.
                if (i == rebuilds.length - 1) {
                    for (String path : new String[] {"/api/graph/cycles", "/api/graph/teams",
                            "/api/graph/criticality?limit=50", blast}) {
                        double first = timed(client, base + path);
                        double again = timed(client, base + path);
                        rows.add(String.format(Locale.ROOT, "| `GET %s` on a fresh snapshot: first / second (kept)"
                                + " | %.3f s / %.3f s | |", path, first, again));
                    }
                }
            }
            // The rebuild after a real catalog change: one service's dependencies changed through the catalog's
            // import API, the normal write path, until the status names a snapshot built after it.
            double[] changed = new double[5];
            for (int i = 0; i < changed.length; i++) {
                changed[i] = catalogChange(client, base, i, services);
            }
            rows.add(1, String.format(Locale.ROOT, "| Rebuild after a catalog change (one service's `dependsOn` "
                    + "imported through `POST /api/catalog/import`) until `/api/graph/status` shows the new snapshot, "
                    + "5 times | %s s (max %.2f s) | < 2 s |", Arrays.stream(changed)
                    .mapToObj(s -> String.format(Locale.ROOT, "%.2f", s)).reduce((a, b) -> a + ", " + b).orElseThrow(),
                    Arrays.stream(changed).max().orElseThrow()));
            rows.add(1, String.format(Locale.ROOT, "| Rebuild after `POST /api/graph/observed` until `/api/graph/status`"
                    + " shows the new snapshot, 5 times | %s s (max %.2f s) | < 2 s |", Arrays.stream(rebuilds)
                    .mapToObj(s -> String.format(Locale.ROOT, "%.2f", s)).reduce((a, b) -> a + ", " + b).orElseThrow(),
                    Arrays.stream(rebuilds).max().orElseThrow()));
            LoadGenerator.Result radius = LoadGenerator.measure(port, blast, concurrency, duration,
                    PortalProcess.ADMIN_TOKEN);
            LoadGenerator.Result radiusGzip = LoadGenerator.measureAcceptingGzip(port, blast, concurrency, duration,
                    PortalProcess.ADMIN_TOKEN);
            // Every ask a limit from 501 to 1,000 in turn: 500 questions, more than the snapshot keeps, so none is kept.
            IntFunction<String> unkept = n -> blast + "?limit=" + (1000 - n % 500);
            LoadGenerator.run(port, blast + "?limit=…", unkept, concurrency, duration.dividedBy(3),
                    PortalProcess.ADMIN_TOKEN);
            LoadGenerator.Result first = LoadGenerator.run(port, blast + "?limit=…", unkept, concurrency, duration,
                    PortalProcess.ADMIN_TOKEN);
            LoadGenerator.Result health = LoadGenerator.measure(port, "/api/health", concurrency, duration,
                    PortalProcess.ADMIN_TOKEN);
            LoadGenerator.Result whole = LoadGenerator.measure(port, blast + "?limit=1000000", concurrency,
                    duration.dividedBy(2), PortalProcess.ADMIN_TOKEN);
            rows.add(String.format(Locale.ROOT, "| `GET %s` (1,000 nearest listed, teams and total of all), the same "
                    + "question repeated (kept answer), %d clients | %.0f req/s, p50 %.1f ms, p99 %.1f ms, %d errors "
                    + "| p99 < 20 ms |", blast, concurrency, radius.perSecond(), radius.p50Millis(), radius.p99Millis(),
                    radius.errors()));
            rows.add(String.format(Locale.ROOT, "| The same, asked as browsers ask (`Accept-Encoding: gzip`: the kept "
                    + "answer's gzip bytes), %d clients | %.0f req/s, p50 %.1f ms, p99 %.1f ms, %d errors "
                    + "| p99 < 20 ms |", concurrency, radiusGzip.perSecond(), radiusGzip.p50Millis(),
                    radiusGzip.p99Millis(), radiusGzip.errors()));
            rows.add(String.format(Locale.ROOT, "| `GET %s?limit=501…1000` in turn, every answer walked and written "
                    + "(none kept), %d clients | %.0f req/s, p50 %.1f ms, p99 %.1f ms, %d errors | |", blast,
                    concurrency, first.perSecond(), first.p50Millis(), first.p99Millis(), first.errors()));
            rows.add(String.format(Locale.ROOT, "| `GET /api/health`, %d clients — the floor | %.0f req/s, p50 %.1f ms, "
                    + "p99 %.1f ms, %d errors | |", concurrency, health.perSecond(), health.p50Millis(),
                    health.p99Millis(), health.errors()));
            rows.add(String.format(Locale.ROOT, "| `GET %s?limit=1000000` (every dependent listed), %d clients | "
                    + "%.0f req/s, p50 %.1f ms, p99 %.1f ms, %d errors | |", blast, concurrency, whole.perSecond(),
                    whole.p50Millis(), whole.p99Millis(), whole.errors()));
        }
        System.out.println();
        System.out.println("| Measure | Result | Target |");
        System.out.println("|---|---|---|");
        rows.forEach(System.out::println);
    }

    /**
     * Sends one observed edge, which starts a rebuild, and waits until the status names a snapshot built after it.
     *
     * @return seconds from sending to the new snapshot answering
     */
    private static double rebuild(HttpClient client, String base, int n) throws Exception {
        String previous = builtAt(client, base);
        String day = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        String body = "[{\"from\":\"component:service-" + (n + 1) + "\",\"to\":\"component:service-0\",\"calls\":"
                + (100 + n) + ",\"errors\":0,\"day\":\"" + day + "\"}]";
        return secondsToRebuild(client, base, previous, "/api/graph/observed", "application/json", body);
    }

    /**
     * Imports one service, {@code graph-benchmark-probe}, whose dependencies (and title, so that a second run with the
     * same data directory changes it too) differ each time; its first import adds it. Then waits until the status
     * names a snapshot built after it.
     *
     * @return seconds from sending to the new snapshot answering
     */
    private static double catalogChange(HttpClient client, String base, int n, int services) throws Exception {
        awaitFresh(client, base);
        String previous = builtAt(client, base);
        String yaml = """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata: {name: graph-benchmark-probe, title: "Probe %d"}
                spec: {type: service, lifecycle: production, owner: team-0, dependsOn: [component:service-%d]}
                """.formatted(System.currentTimeMillis(), (n * 7919 + 1) % services);
        return secondsToRebuild(client, base, previous, "/api/catalog/import?source=graph-benchmark-probe",
                "application/yaml", yaml);
    }

    /**
     * Posts a change and waits until the status names a snapshot other than {@code previous}.
     *
     * @return seconds from sending to the new snapshot answering
     */
    private static double secondsToRebuild(HttpClient client, String base, String previous, String path,
            String contentType, String body) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> posted = client.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + PortalProcess.ADMIN_TOKEN)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (posted.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + path + " refused: " + posted.statusCode() + " " + posted.body());
        }
        while (builtAt(client, base).equals(previous)) {
            Thread.sleep(5);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Waits until no rebuild is under way, so that a measured one starts from a quiet graph. */
    private static void awaitFresh(HttpClient client, String base) throws Exception {
        for (int i = 0; i < 12_000 && !get(client, base + "/api/graph/status").contains("\"fresh\":true"); i++) {
            Thread.sleep(5);
        }
    }

    private static String builtAt(HttpClient client, String base) throws Exception {
        String status = get(client, base + "/api/graph/status");
        Matcher m = BUILT_AT.matcher(status);
        if (!m.find()) {
            throw new IllegalStateException("no builtAt in " + status.substring(0, Math.min(200, status.length())));
        }
        return m.group(1);
    }

    private static double timed(HttpClient client, String url) throws Exception {
        long start = System.nanoTime();
        get(client, url);
        return (System.nanoTime() - start) / 1e9;
    }

    private static String get(HttpClient client, String url) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + PortalProcess.ADMIN_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static long size(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            long bytes = 0;
            for (Path file : files.toList()) {
                bytes += Files.size(file);
            }
            return bytes;
        }
    }

    private static long heapAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /**
     * {@code threads} threads each running its own task (made by {@code tasks}, so that it may hold its own scratch
     * arrays) over and over for the duration, after a third of it to warm up.
     *
     * @return runs per second, p50 and p99 in milliseconds
     */
    private static double[] timedWalks(int threads, Duration duration, Supplier<IntSupplier> tasks) throws Exception {
        for (int round = 0; round < 2; round++) {
            Duration length = round == 0 ? duration.dividedBy(3) : duration;
            long end = System.nanoTime() + length.toNanos();
            long[][] latencies = new long[threads][];
            int[] counts = new int[threads];
            long begin = System.nanoTime();
            Parallel.run(threads, worker -> {
                IntSupplier task = tasks.get();
                long[] mine = new long[1 << 12];
                int n = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    task.getAsInt();
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = System.nanoTime() - t0;
                }
                latencies[worker] = mine;
                counts[worker] = n;
                return n;
            });
            double elapsed = (System.nanoTime() - begin) / 1e9;
            if (round == 1) {
                long[] all = new long[Arrays.stream(counts).sum()];
                int k = 0;
                for (int t = 0; t < threads; t++) {
                    System.arraycopy(latencies[t], 0, all, k, counts[t]);
                    k += counts[t];
                }
                Arrays.sort(all);
                return new double[] {all.length / elapsed, all[(int) Math.ceil(0.5 * all.length) - 1] / 1e6,
                    all[(int) Math.ceil(0.99 * all.length) - 1] / 1e6};
            }
        }
        throw new IllegalStateException();
    }

    /** The product's walks and answers from the hub, nothing kept. @return answers per second, p50, p99 in ms */
    private static double[] answerWalks(DependencyGraph graph, int hub, int threads, Duration duration)
            throws Exception {
        Walks walks = new Walks(graph);
        return timedWalks(threads, duration, () -> () -> walks.walk(hub, Direction.DEPENDENTS, OptionalInt.empty(),
                walked -> ReachJson.of(graph, walked, ReachJson.DEFAULT_LIMIT)).total());
    }

    /** A breadth-first walk; {@code seen} holds the stamp of the walk that reached a node. @return nodes reached */
    private static int walk(int[][] next, int start, int[] seen, int[] queue, int stamp) {
        int head = 0;
        int tail = 0;
        queue[tail++] = start;
        seen[start] = stamp;
        while (head < tail) {
            for (int w : next[queue[head++]]) {
                if (seen[w] != stamp) {
                    seen[w] = stamp;
                    queue[tail++] = w;
                }
            }
        }
        return tail - 1;
    }
}
