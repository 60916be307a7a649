package dev.vitals.core.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.vitals.api.EntityRef;
import dev.vitals.api.PluginContext;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.Signal;
import dev.vitals.api.SignalStatus;
import dev.vitals.api.Signals;
import dev.vitals.api.VitalsPlugin;
import dev.vitals.core.Vitals;
import dev.vitals.core.audit.Actor;
import dev.vitals.core.database.DatabaseSettings;
import dev.vitals.core.pluginhost.PluginSource;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.core.testing.TestPostgres;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * {@code core.worst_signals}, the home grid's precomputed cells, must always equal what the grid used to compute from
 * every latest signal on each request: per subject and plugin, the worst status, the summaries worst first, the worst
 * one's link.
 */
class WorstSignalsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Actor ADA = new Actor("ada", Optional.empty());
    private static final List<String> PLUGINS = List.of("slo", "deploys", "costs");
    private static final List<String> SUBJECTS = List.of("component:default/a", "component:default/b",
            "component:default/c", "group:default/team-a", "system:default/media", "resource:default/db",
            "api:default/search", "program:default/availability");
    private static final List<String> KINDS = List.of("error-budget", "latency", "dora");
    private static final List<String> SUMMARIES = List.of("budget spent", "30 % left", "p99 210 ms", "no data");

    /** The signal doors of the test plugins' current starts, by plugin id. */
    private static final Map<String, Signals> DOORS = new ConcurrentHashMap<>();

    /** Keeps its context's signal door, so the test publishes as the plugin would. */
    private record Publisher(String id) implements VitalsPlugin {
        @Override
        public RunningPlugin create(PluginContext context) {
            DOORS.put(id, context.signals());
            return new RunningPlugin() { };
        }
    }

    private static PluginSource publishers() {
        TestPlugins plugins = TestPlugins.of();
        for (String id : PLUGINS) {
            plugins = plugins.with(id, () -> new Publisher(id));
        }
        return plugins.source();
    }

    private static Signal signal(String plugin, String subject, String kind, SignalStatus status, String summary) {
        return new Signal(plugin, EntityRef.parse(subject), kind, status, summary, OptionalDouble.empty(),
                Optional.empty(), NOW);
    }

    /** The rows as stored, leaving out subjects none of whose signals are left. */
    private static Map<String, Map<String, WorstSignal>> stored(Jdbi jdbi) {
        Map<String, Map<String, WorstSignal>> rows = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT subject, by_plugin::text FROM core.worst_signals")
                .map((rs, ctx) -> Map.entry(rs.getString(1), WorstSignal.byPlugin(rs.getString(2))))
                .forEach(row -> {
                    if (!row.getValue().isEmpty()) {
                        rows.put(row.getKey(), row.getValue());
                    }
                }));
        return rows;
    }

    /** The cells computed from every latest signal, as the grid did on each request before they were kept. */
    private static Map<String, Map<String, WorstSignal>> fromScratch(Jdbi jdbi) {
        Map<String, Map<String, List<Signal>>> grouped = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT * FROM core.signal_latest ORDER BY subject, plugin, kind")
                .map((rs, ctx) -> new Signal(rs.getString("plugin"), EntityRef.parse(rs.getString("subject")),
                        rs.getString("kind"), SignalStatus.valueOf(rs.getString("status")), rs.getString("summary"),
                        OptionalDouble.empty(), Optional.ofNullable(rs.getString("link")), NOW))
                .forEach(s -> grouped.computeIfAbsent(s.subject().toString(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(s.plugin(), k -> new ArrayList<>()).add(s)));
        Map<String, Map<String, WorstSignal>> cells = new HashMap<>();
        grouped.forEach((subject, byPlugin) -> byPlugin.forEach((plugin, signals) -> {
            Signal worst = signals.stream().max(Comparator.comparing(Signal::status)).orElseThrow();
            String summary = signals.size() == 1 ? worst.summary()
                    : String.join("; ", signals.stream().sorted(Comparator.comparing(Signal::status).reversed())
                            .map(s -> s.kind() + ": " + s.summary()).toList());
            cells.computeIfAbsent(subject, k -> new HashMap<>())
                    .put(plugin, new WorstSignal(worst.status(), summary, worst.link(), signals.size()));
        }));
        return cells;
    }

    @Test
    void severalSignalsOfOnePluginShowTheWorstWithEverySummaryWorstFirst() {
        try (Vitals portal = TestPortal.start(TestPostgres.freshDatabase(), PluginSource.none())) {
            SignalStore store = portal.signals();
            store.save(signal("slo", "component:default/a", "latency", SignalStatus.OK, "p99 210 ms"));
            store.save(new Signal("slo", EntityRef.parse("component:default/a"), "error-budget", SignalStatus.CRITICAL,
                    "budget spent", OptionalDouble.of(-0.2), Optional.of("/p/slo/slos/a"), NOW));
            store.save(signal("slo", "component:default/a", "freshness", SignalStatus.CRITICAL, "stale"));
            store.save(signal("deploys", "component:default/a", "dora", SignalStatus.WARN, "one deploy a month"));

            Map<String, WorstSignal> cells = stored(portal.database().jdbi()).get("component:default/a");

            assertEquals(new WorstSignal(SignalStatus.CRITICAL,
                    "error-budget: budget spent; freshness: stale; latency: p99 210 ms", Optional.of("/p/slo/slos/a"), 3),
                    cells.get("slo"), "equally bad signals keep the order of their kinds; the first one's link wins");
            assertEquals(new WorstSignal(SignalStatus.WARN, "one deploy a month", Optional.empty(), 1),
                    cells.get("deploys"));

            store.save(signal("slo", "component:default/a", "error-budget", SignalStatus.OK, "budget left"));
            store.save(signal("slo", "component:default/a", "freshness", SignalStatus.OK, "fresh"));

            assertEquals(new WorstSignal(SignalStatus.OK,
                    "error-budget: budget left; freshness: fresh; latency: p99 210 ms", Optional.empty(), 3),
                    stored(portal.database().jdbi()).get("component:default/a").get("slo"),
                    "when the worst recovers, the cell goes down with it");
        }
    }

    @Test
    void randomPublishesDisablesAndDeletesLeaveTheCellsEqualToAComputationFromScratch() {
        try (Vitals portal = TestPortal.start(TestPostgres.freshDatabase(), publishers())) {
            Jdbi jdbi = portal.database().jdbi();
            for (long seed : new long[] {7, 1234, 99_991}) {
                Random random = new Random(seed);
                for (int step = 1; step <= 300; step++) {
                    int dice = random.nextInt(100);
                    String plugin = PLUGINS.get(random.nextInt(PLUGINS.size()));
                    String subject = SUBJECTS.get(random.nextInt(SUBJECTS.size()));
                    String kind = KINDS.get(random.nextInt(KINDS.size()));
                    if (dice < 4) {
                        // An admin's switch: a disabled plugin publishes nothing, and its signals and cells stay.
                        boolean enable = !portal.plugins().plugin(plugin).orElseThrow().isStarted();
                        portal.plugins().setEnabled(plugin, enable, ADA);
                    } else if (dice < 8) {
                        jdbi.useHandle(h -> h.createUpdate("DELETE FROM core.signal_latest "
                                        + "WHERE plugin = :plugin AND subject = :subject AND kind = :kind")
                                .bind("plugin", plugin).bind("subject", subject).bind("kind", kind).execute());
                    } else if (portal.plugins().plugin(plugin).orElseThrow().isStarted()) {
                        SignalStatus status = SignalStatus.values()[random.nextInt(SignalStatus.values().length)];
                        Optional<String> link = random.nextBoolean() ? Optional.empty()
                                : Optional.of("/p/" + plugin + "/" + kind + "/" + random.nextInt(3));
                        DOORS.get(plugin).publish(EntityRef.parse(subject), kind, status,
                                SUMMARIES.get(random.nextInt(SUMMARIES.size())), OptionalDouble.of(step), link);
                    }
                    if (step % 25 == 0) {
                        assertEquals(fromScratch(jdbi), stored(jdbi), "seed " + seed + ", step " + step);
                    }
                }
                assertFalse(stored(jdbi).isEmpty(), "the sequence left signals to compare");
                for (String plugin : PLUGINS) {
                    portal.plugins().setEnabled(plugin, true, ADA);
                }
                assertEquals(fromScratch(jdbi), stored(jdbi), "seed " + seed + ", every plugin enabled again");
            }
            jdbi.useHandle(h -> h.execute("TRUNCATE core.signal_latest"));
            assertEquals(Map.of(), stored(jdbi));
        }
    }

    @Test
    void concurrentSavesOfOnePluginAboutOneSubjectLeaveTheCellExact() throws Exception {
        try (Vitals portal = TestPortal.start(TestPostgres.freshDatabase(), PluginSource.none())) {
            SignalStore store = portal.signals();
            Jdbi jdbi = portal.database().jdbi();
            // Two kinds saved at the same moment, each flipping between statuses the other never has, so that the
            // totals' trigger (which locks a row per status) does not put them one after the other.
            List<List<SignalStatus>> flips = List.of(List.of(SignalStatus.OK, SignalStatus.WARN),
                    List.of(SignalStatus.UNKNOWN, SignalStatus.CRITICAL));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 60; round++) {
                    CyclicBarrier together = new CyclicBarrier(2);
                    List<Future<?>> saves = new ArrayList<>();
                    for (int worker = 0; worker < 2; worker++) {
                        SignalStatus status = flips.get(worker).get(round % 2);
                        String kind = "kind-" + worker;
                        saves.add(pool.submit(() -> {
                            together.await(10, TimeUnit.SECONDS);
                            store.save(signal("slo", "component:default/s", kind, status, status.name()));
                            return null;
                        }));
                    }
                    for (Future<?> save : saves) {
                        save.get(60, TimeUnit.SECONDS);
                    }
                    assertEquals(fromScratch(jdbi), stored(jdbi), "round " + round);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void signalsSavedBeforeTheCellsWereKeptAreFilledInByTheMigration() {
        DatabaseSettings database = TestPostgres.freshDatabase();
        Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .schemas("core").createSchemas(true).locations("classpath:db/migration/core").target("13").load()
                .migrate();
        Jdbi.create(database.url(), database.user(), database.password()).useHandle(h -> h.execute("""
                INSERT INTO core.signal_latest (plugin, subject, kind, status, summary, link, observed_at) VALUES
                  ('slo', 'component:default/a', 'error-budget', 'CRITICAL', 'budget spent', '/p/slo/a', now()),
                  ('slo', 'component:default/a', 'latency', 'WARN', 'slow', NULL, now()),
                  ('deploys', 'component:default/a', 'dora', 'UNKNOWN', 'no deployments', NULL, now()),
                  ('deploys', 'component:default/b', 'dora', 'OK', 'daily', NULL, now()),
                  ('slo', 'program:default/p', 'error-budget', 'CRITICAL', 'budget spent', NULL, now())"""));

        try (Vitals portal = TestPortal.start(database, PluginSource.none())) {
            Jdbi jdbi = portal.database().jdbi();
            Map<String, Map<String, WorstSignal>> cells = stored(jdbi);
            assertEquals(new WorstSignal(SignalStatus.CRITICAL, "error-budget: budget spent; latency: slow",
                    Optional.of("/p/slo/a"), 2), cells.get("component:default/a").get("slo"));
            assertEquals(fromScratch(jdbi), cells);

            portal.signals().save(signal("slo", "component:default/a", "error-budget", SignalStatus.OK, "budget left"));

            assertEquals(SignalStatus.WARN, stored(jdbi).get("component:default/a").get("slo").status());
            assertEquals(fromScratch(jdbi), stored(jdbi));
        }
    }
}
