package dev.vitals.core.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.vitals.api.EntityRef;
import dev.vitals.api.PluginContext;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.SignalStatus;
import dev.vitals.api.SignalVerdict;
import dev.vitals.api.Signals;
import dev.vitals.api.VitalsPlugin;
import dev.vitals.core.Vitals;
import dev.vitals.core.audit.Actor;
import dev.vitals.core.pluginhost.PluginSource;
import dev.vitals.core.signals.OrgHealthQuery.Result;
import dev.vitals.core.signals.OrgHealthQuery.Selection;
import dev.vitals.core.signals.OrgHealthQuery.Severity;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.core.testing.TestPostgres;
import java.util.ArrayList;
import java.util.EnumMap;
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
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The grid's precomputed rows ({@code core.grid_rows}, migration V15): worst first, the totals and the filters read
 * from them give the hand-computed answers, for whichever plugins are started, and the same answers as ranking every
 * service from its cells per request, which the grid still does while another instance holds the rows' basis.
 */
class HealthGridRowsTest {

    private static final Actor ADA = new Actor("ada", Optional.empty());
    private static final Map<String, Signals> DOORS = new ConcurrentHashMap<>();
    private static final List<String> SLO_AND_DEPLOYS = List.of("slo", "deploys");
    private static Vitals portal;
    private static Jdbi jdbi;

    private record Publisher(String id) implements VitalsPlugin {
        @Override
        public RunningPlugin create(PluginContext context) {
            DOORS.put(id, context.signals());
            return new RunningPlugin() { };
        }
    }

    @BeforeAll
    static void start() {
        TestPlugins plugins = TestPlugins.of();
        for (String id : List.of("slo", "deploys", "notes")) {
            plugins = plugins.with(id, () -> new Publisher(id));
        }
        portal = TestPortal.start(TestPostgres.freshDatabase(), plugins.source());
        jdbi = portal.database().jdbi();
        importCatalog("Foxtrot");
        seed();
    }

    /** The signals every test but the random one reads. */
    private static void seed() {
        jdbi.useHandle(h -> h.execute("DELETE FROM core.signal_latest"));
        publish("slo", "alpha", "error-budget", SignalStatus.WARN);
        publish("slo", "bravo", "error-budget", SignalStatus.CRITICAL);
        publish("deploys", "charlie", "dora", SignalStatus.CRITICAL);
        publish("slo", "charlie", "latency", SignalStatus.WARN);
        publish("slo", "delta", "latency", SignalStatus.OK);
        publish("deploys", "delta", "dora", SignalStatus.WARN);
        publish("notes", "echo", "notes", SignalStatus.CRITICAL);
        publish("slo", "golf", "latency", SignalStatus.UNKNOWN); // about a service the catalog does not have
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    /** Team a owns alpha, charlie and echo; team b bravo, delta and foxtrot, whose title is given. */
    private static void importCatalog(String foxtrotTitle) {
        String yaml = "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-a\nspec:\n  type: team\n"
                + "  children: []\n---\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-b\n"
                + "spec:\n  type: team\n  children: []\n---\n" + IntStream.range(0, 6).mapToObj(i -> {
                    String name = List.of("alpha", "bravo", "charlie", "delta", "echo", "foxtrot").get(i);
                    return "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: " + name + "\n"
                            + (name.equals("foxtrot") ? "  title: " + foxtrotTitle + "\n" : "")
                            + "spec:\n  type: service\n  lifecycle: production\n  owner: team-"
                            + (i % 2 == 0 ? "a" : "b")
                            + "\n";
                }).collect(Collectors.joining("---\n"));
        portal.catalogSources().importText("grid", yaml, ADA);
    }

    private static void publish(String plugin, String service, String kind, SignalStatus status) {
        DOORS.get(plugin).publish(EntityRef.of("component", service), kind, status, kind + " of " + service,
                OptionalDouble.empty(), Optional.empty());
    }

    private static Selection all(List<String> plugins) {
        return new Selection(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), plugins, Optional.empty(), Optional.empty());
    }

    private static Selection team(String team, List<String> plugins) {
        return new Selection(Optional.of("group:default/" + team), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), plugins, Optional.empty(), Optional.empty());
    }

    private static Result page(Selection selection, int page, int size) {
        return new OrgHealthQuery(jdbi, portal.catalog().outline()).page(selection, page, size);
    }

    /** What a page shows: its services in order, the total, the totals per verdict and per kind. */
    private static String shown(Result result) {
        return result.rows().stream().map(r -> r.service().name()).collect(Collectors.joining(" ")) + " | "
                + result.total() + " | " + result.bySeverity() + " | " + result.byKind();
    }

    private static Map<Severity, Long> verdicts(long critical, long warn, long unknown, long ok, long none) {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        counts.put(Severity.CRITICAL, critical);
        counts.put(Severity.WARN, warn);
        counts.put(Severity.UNKNOWN, unknown);
        counts.put(Severity.OK, ok);
        counts.put(Severity.NONE, none);
        return counts;
    }

    private static Map<String, Long> kinds(Object... kindsAndCounts) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < kindsAndCounts.length; i += 2) {
            counts.put((String) kindsAndCounts[i], ((Number) kindsAndCounts[i + 1]).longValue());
        }
        return counts;
    }

    /** Another instance, with other plugins started, set the rows' basis a moment ago. */
    private static void anotherInstanceJustSetTheBasis() {
        jdbi.useHandle(h -> h.execute("UPDATE core.grid_basis SET plugins = '{notes}', set_by = 'another instance', "
                + "set_at = now()"));
    }

    private static List<String> basis() {
        return jdbi.withHandle(h -> h.createQuery("SELECT unnest(plugins) FROM core.grid_basis").mapTo(String.class)
                .list());
    }

    @Test
    void servicesComeWorstFirstThenByTitleAndTheTotalsCountEachServiceOnceUnderItsWorst() {
        Result result = page(all(SLO_AND_DEPLOYS), 1, 50);

        // bravo and charlie are critical (by name), alpha and delta warned, echo (only notes judged it) and foxtrot
        // have no signal that counts; per kind: dora warns about charlie and delta, the error budget about alpha and
        // bravo, latency about charlie (delta's is OK).
        assertEquals("bravo charlie alpha delta echo foxtrot | 6 | " + verdicts(2, 2, 0, 0, 2) + " | "
                + kinds("dora", 2, "error-budget", 2, "latency", 1), shown(result));
        assertEquals(List.of("deploys", "slo"), basis(), "the rows are ranked by the started plugins");
        assertEquals("alpha delta | 6 | " + verdicts(2, 2, 0, 0, 2) + " | "
                + kinds("dora", 2, "error-budget", 2, "latency", 1), shown(page(all(SLO_AND_DEPLOYS), 2, 2)));
    }

    @Test
    void filtersByTeamVerdictAndKindNarrowTheRowsAndTheTeamAlsoTheTotals() {
        assertEquals("charlie alpha echo | 3 | " + verdicts(1, 1, 0, 0, 1) + " | "
                + kinds("dora", 1, "error-budget", 1, "latency", 1),
                shown(page(team("team-a", SLO_AND_DEPLOYS), 1, 50)));
        Selection warned = new Selection(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), SLO_AND_DEPLOYS, Optional.of(Severity.WARN), Optional.empty());
        assertEquals("alpha delta | 2 | " + verdicts(2, 2, 0, 0, 2) + " | "
                + kinds("dora", 2, "error-budget", 2, "latency", 1), shown(page(warned, 1, 50)),
                "the totals count the selection before its verdict, so every verdict's total stays a choice");
        Selection dora = new Selection(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), SLO_AND_DEPLOYS, Optional.empty(), Optional.of("dora"));
        assertEquals("charlie delta | 2", shown(page(dora, 1, 50)).substring(0, "charlie delta | 2".length()));
        Selection doraOfTeamB = new Selection(Optional.of("group:default/team-b"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), SLO_AND_DEPLOYS, Optional.empty(),
                Optional.of("dora"));
        assertEquals("delta | 1 | " + verdicts(1, 1, 0, 0, 1) + " | " + kinds("dora", 1, "error-budget", 1),
                shown(page(doraOfTeamB, 1, 50)));
        Selection criticalDora = new Selection(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("a"), Optional.empty(), SLO_AND_DEPLOYS, Optional.of(Severity.CRITICAL),
                Optional.of("dora"));
        assertEquals("charlie | 1 | " + verdicts(2, 2, 0, 0, 0) + " | "
                + kinds("dora", 2, "error-budget", 2, "latency", 1), shown(page(criticalDora, 1, 50)),
                "text 'a' leaves echo and foxtrot out of the totals; critical and warned about by dora leaves charlie");
    }

    @Test
    void startingAndStoppingPluginsRanksTheRowsByThePluginsStartedThen() {
        assertEquals("bravo charlie echo alpha delta foxtrot | 6 | " + verdicts(3, 2, 0, 0, 1) + " | "
                + kinds("dora", 2, "error-budget", 2, "latency", 1, "notes", 1),
                shown(page(all(List.of("slo", "notes", "deploys")), 1, 50)), "notes started: echo is critical");
        // slo alone: charlie is only warned (latency), delta OK.
        assertEquals("bravo alpha charlie delta echo foxtrot | 6 | " + verdicts(1, 2, 0, 1, 2) + " | "
                + kinds("error-budget", 2, "latency", 1), shown(page(all(List.of("slo")), 1, 50)));
        assertEquals(" | 6 | " + verdicts(0, 0, 0, 0, 6) + " | {}", shown(page(all(List.of()), 1, 0)),
                "no plugin started: no service has a verdict");
        assertEquals("bravo charlie alpha delta echo foxtrot | 6 | " + verdicts(2, 2, 0, 0, 2) + " | "
                + kinds("dora", 2, "error-budget", 2, "latency", 1), shown(page(all(SLO_AND_DEPLOYS), 1, 50)));
    }

    @Test
    void aServiceRetitledMovesAmongItsEquals() {
        try {
            importCatalog("Able fox");
            assertEquals("bravo charlie alpha delta foxtrot echo",
                    shown(page(all(SLO_AND_DEPLOYS), 1, 50)).split(" \\| ")[0], "foxtrot now sorts as 'able fox'");
        } finally {
            importCatalog("Foxtrot");
        }
    }

    @Test
    void whileAnotherInstanceHoldsTheBasisThePageIsRankedFromTheCellsWithTheSameAnswers() {
        String precomputed = shown(page(all(SLO_AND_DEPLOYS), 1, 50));
        String teamA = shown(page(team("team-a", SLO_AND_DEPLOYS), 1, 50));

        anotherInstanceJustSetTheBasis();

        assertEquals(precomputed, shown(page(all(SLO_AND_DEPLOYS), 1, 50)));
        assertEquals(teamA, shown(page(team("team-a", SLO_AND_DEPLOYS), 1, 50)));
        assertEquals(List.of("notes"), basis(), "the other instance's basis is left alone for half a minute");
        jdbi.useHandle(h -> h.execute("UPDATE core.grid_basis SET set_at = now() - interval '31 seconds'"));
        assertEquals(precomputed, shown(page(all(SLO_AND_DEPLOYS), 1, 50)));
        assertEquals(List.of("deploys", "slo"), basis(), "then it is taken over");
    }

    /**
     * The home grid shows a page it rendered before while {@link GridVersion} reads the same, so every committed change
     * of what a page is read from must move it, whoever writes it; a newer observation of the same verdict need not.
     */
    @Test
    void everyCommittedChangeOfACellARankOrTheBasisMovesTheGridVersionOnceAndNothingElseDoes() {
        try {
            page(all(SLO_AND_DEPLOYS), 1, 50);
            GridVersion start = GridVersion.read(jdbi);
            assertEquals(List.of("deploys", "slo"), start.basis());

            publish("slo", "alpha", "error-budget", SignalStatus.WARN);
            assertEquals(start, GridVersion.read(jdbi), "the same verdict and summary, observed again: no change");

            DOORS.get("slo").publish(EntityRef.of("component", "alpha"), "error-budget", SignalStatus.WARN,
                    "new words, same verdict", OptionalDouble.empty(), Optional.empty());
            assertEquals(start.changes() + 1, GridVersion.read(jdbi).changes(), "a cell's summary changed");

            // Another process writing the table directly: the five signals of slo in one transaction.
            jdbi.useHandle(h -> h.execute("UPDATE core.signal_latest SET summary = summary || '!' WHERE plugin = 'slo'"));
            assertEquals(start.changes() + 2, GridVersion.read(jdbi).changes(), "one transaction counts once");

            jdbi.useHandle(h -> {
                h.begin();
                h.execute("UPDATE core.signal_latest SET status = 'OK' WHERE plugin = 'deploys'");
                h.rollback();
            });
            assertEquals(start.changes() + 2, GridVersion.read(jdbi).changes(), "a rolled back change is no change");

            jdbi.useHandle(h -> h.execute("UPDATE core.signal_latest SET status = 'OK' WHERE plugin = 'deploys'"));
            assertEquals(start.changes() + 3, GridVersion.read(jdbi).changes(), "charlie and delta ranked anew");

            anotherInstanceJustSetTheBasis();
            GridVersion otherBasis = GridVersion.read(jdbi);
            assertEquals(start.changes() + 4, otherBasis.changes(), "the basis changed");
            assertFalse(otherBasis.ranksBy(SLO_AND_DEPLOYS));
            assertEquals(start.catalog(), otherBasis.catalog(), "no catalog change so far");

            importCatalog("Foxtrot the second");
            assertEquals(start.catalog() + 1, GridVersion.read(jdbi).catalog(), "a retitled service: a catalog change");
        } finally {
            jdbi.useHandle(h -> h.execute("UPDATE core.grid_basis SET set_at = now() - interval '31 seconds'"));
            importCatalog("Foxtrot");
            seed();
            page(all(SLO_AND_DEPLOYS), 1, 50);
        }
    }

    @Test
    void randomSignalsAndCatalogChangesKeepTheRowsEqualToRankingFromTheCells() {
        List<String> services = List.of("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf");
        List<String> kinds = List.of("error-budget", "latency", "dora");
        List<List<String>> startedSets = List.of(SLO_AND_DEPLOYS, List.of("slo"), List.of("slo", "notes", "deploys"));
        List<Selection> selections = List.of(all(SLO_AND_DEPLOYS), team("team-b", SLO_AND_DEPLOYS));
        Random random = new Random(42);
        try {
            for (int step = 1; step <= 120; step++) {
                int dice = random.nextInt(100);
                if (dice < 5) {
                    importCatalog(random.nextBoolean() ? "Able fox" : "Zulu fox"); // moves foxtrot among its equals
                } else if (dice < 10) {
                    String service = services.get(random.nextInt(services.size()));
                    jdbi.useHandle(h -> h.createUpdate("DELETE FROM core.signal_latest WHERE subject = :s")
                            .bind("s", "component:default/" + service).execute());
                } else {
                    String plugin = List.of("slo", "deploys", "notes").get(random.nextInt(3));
                    publish(plugin, services.get(random.nextInt(services.size())), kinds.get(random.nextInt(3)),
                            SignalStatus.values()[random.nextInt(SignalStatus.values().length)]);
                }
                if (step % 10 == 0) {
                    List<String> started = startedSets.get(random.nextInt(startedSets.size()));
                    for (Selection s : selections) {
                        Selection chosen = new Selection(s.team(), s.system(), s.program(), s.component(), s.text(),
                                s.groupBy(), started, s.severity(), s.kind());
                        String precomputed = shown(page(chosen, 1, 50));
                        anotherInstanceJustSetTheBasis();
                        assertEquals(shown(page(chosen, 1, 50)), precomputed, "step " + step + ", " + started);
                        jdbi.useHandle(h -> h.execute("UPDATE core.grid_basis SET set_by = '', set_at = '-infinity'"));
                    }
                }
            }
        } finally {
            importCatalog("Foxtrot");
            seed();
        }
    }

    @Test
    void twoPluginsPublishingManyVerdictsAtOnceBothLandAndTheTotalsStayExact() throws Exception {
        // Each batch moves services between statuses in its own order, so the two lock the grid's per-status
        // counters crosswise: PostgreSQL aborts one as a deadlock's victim and the store saves it again.
        List<String> services = List.of("alpha", "bravo", "charlie", "delta", "echo", "foxtrot");
        Random random = new Random(7);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            page(all(SLO_AND_DEPLOYS), 1, 50); // sets the basis, so both publishers' verdicts count
            for (int round = 0; round < 30; round++) {
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<?>> batches = new ArrayList<>();
                for (String plugin : SLO_AND_DEPLOYS) {
                    List<SignalVerdict> verdicts = services.stream().map(service -> new SignalVerdict(
                            EntityRef.of("component", service), plugin.equals("slo") ? "latency" : "dora",
                            SignalStatus.values()[random.nextInt(SignalStatus.values().length)], service,
                            OptionalDouble.empty(), Optional.empty())).toList();
                    batches.add(pool.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        DOORS.get(plugin).publishAll(verdicts);
                        return null;
                    }));
                }
                for (Future<?> batch : batches) {
                    batch.get(60, TimeUnit.SECONDS);
                }
                String precomputed = shown(page(all(SLO_AND_DEPLOYS), 1, 50));
                anotherInstanceJustSetTheBasis();
                assertEquals(shown(page(all(SLO_AND_DEPLOYS), 1, 50)), precomputed, "round " + round);
                jdbi.useHandle(h -> h.execute("UPDATE core.grid_basis SET set_by = '', set_at = '-infinity'"));
            }
        } finally {
            pool.shutdownNow();
            seed();
        }
    }
}
