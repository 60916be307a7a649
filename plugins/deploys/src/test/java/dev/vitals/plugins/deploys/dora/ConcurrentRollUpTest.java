package dev.vitals.plugins.deploys.dora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.plugins.deploys.DeploysTestPortal;
import dev.vitals.plugins.deploys.ingest.DeploymentStore;
import dev.vitals.plugins.deploys.ingest.EnvironmentNames;
import dev.vitals.plugins.deploys.ingest.EventParser;
import dev.vitals.plugins.deploys.ingest.IncidentStore;
import dev.vitals.plugins.deploys.ingest.SentCommit;
import dev.vitals.plugins.deploys.ingest.SentDeployment;
import dev.vitals.plugins.deploys.ingest.SentIncident;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Writers add their shares to the daily roll-up side by side, so its exactness rests on how concurrent transactions
 * meet. Several threads send random overlapping batches of one pool of deployments and incidents — the same events
 * again from other threads at the same moment, deployments finishing before ones stored already (commits move to an
 * earlier day), incidents naming deployments that arrive later or never — and the roll-up must then equal a rebuild
 * from the events, row by row, and every report the same report read from the events.
 *
 * <p>The seed is new each run and is in every failure message; {@code -Ddeploys.rollup.seed=N} repeats a run.
 */
class ConcurrentRollUpTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String[] SERVICES = {"alpha", "beta", "gamma"};
    private static final int THREADS = 4;
    private static DeploysTestPortal portal;
    private static Jdbi jdbi;
    private static Writers writers;

    /** The two stores every thread writes through, the parser they read, and the reports compared at the end. */
    private record Writers(EventParser parser, DeploymentStore deployments, IncidentStore incidents, DoraQuery dora) {
    }

    @BeforeAll
    static void start() {
        portal = DeploysTestPortal.start(BERLIN.getId(), Map.of());
        jdbi = portal.context().jdbi();
        writers = new Writers(new EventParser(portal.context().catalog()),
                new DeploymentStore(jdbi, new EnvironmentNames(Set.of("prod"))), new IncidentStore(jdbi),
                new DoraQuery(jdbi, DoraThresholds.DEFAULTS));
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @Test
    void concurrentOverlappingBatchesLeaveTheRollUpAsARebuildFromTheEventsWouldCutIt() throws Exception {
        long seed = Long.getLong("deploys.rollup.seed", System.nanoTime());
        for (int round = 0; round < 3; round++) {
            long roundSeed = seed + round;
            portal.clear();
            Random random = new Random(roundSeed);
            List<SentDeployment> pool = deployments(random, 240);
            List<SentIncident> named = incidents(random, 60, 300);
            List<Throwable> failures = sendConcurrently(random, pool, named);
            String context = "seed " + roundSeed + " (repeat with -Ddeploys.rollup.seed=" + roundSeed + ")";
            assertEquals(List.of(), failures, "a writer failed, " + context);

            List<DayRow> added = rollUp();
            List<DayRow> rebuilt = rebuild();

            assertEquals(rebuilt, added, "roll-up against a rebuild, " + context);
            assertTrue(added.stream().mapToInt(DayRow::failed).sum() > 0, "some day has a failure, " + context);
            for (Optional<List<String>> scope : List.of(Optional.<List<String>>empty(),
                    Optional.of(List.of("alpha")), Optional.of(List.of("beta", "gamma")))) {
                Period period = new Period(LocalDate.of(2026, 2, 27), LocalDate.of(2026, 3, 12), BERLIN);
                assertEquals(writers.dora().fromEvents(scope, period), writers.dora().report(scope, period), scope + ", " + context);
            }
        }
    }

    /**
     * The events are dealt into steps that all threads start together: each deployment to one thread and step, often
     * again to another (a replay racing the first copy), and an incident mostly to the same step as the deployment it
     * names, in another thread, so that the two transactions overlap. The rest of the order is random.
     */
    private static List<Throwable> sendConcurrently(Random random, List<SentDeployment> pool,
            List<SentIncident> named) throws Exception {
        int steps = 30;
        List<List<List<SentDeployment>>> deploys = new ArrayList<>();
        List<List<List<SentIncident>>> incidents = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            deploys.add(new ArrayList<>());
            incidents.add(new ArrayList<>());
            for (int s = 0; s < steps; s++) {
                deploys.get(t).add(new ArrayList<>());
                incidents.get(t).add(new ArrayList<>());
            }
        }
        Map<String, int[]> dealt = new HashMap<>();
        for (SentDeployment d : pool) {
            int thread = random.nextInt(THREADS);
            int step = random.nextInt(steps);
            deploys.get(thread).get(step).add(d);
            dealt.put(d.id(), new int[] {thread, step});
            if (random.nextBoolean()) {
                deploys.get(random.nextInt(THREADS)).get(random.nextBoolean() ? step : random.nextInt(steps)).add(d);
            }
        }
        for (SentIncident i : named) {
            int[] at = dealt.get(i.deployment());
            boolean alongside = at != null && random.nextInt(4) > 0;
            int thread = alongside ? (at[0] + 1 + random.nextInt(THREADS - 1)) % THREADS : random.nextInt(THREADS);
            incidents.get(thread).get(alongside ? at[1] : random.nextInt(steps)).add(i);
        }
        long[] orderSeeds = random.longs(THREADS).toArray();
        CyclicBarrier together = new CyclicBarrier(THREADS);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Random order = new Random(orderSeeds[t]);
                done.add(threads.submit(() -> {
                    for (int s = 0; s < steps; s++) {
                        together.await();
                        send(deploys.get(thread).get(s), incidents.get(thread).get(s), order);
                    }
                    return null;
                }));
            }
            List<Throwable> failures = new ArrayList<>();
            for (Future<?> f : done) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                    together.reset();
                }
            }
            return failures;
        } finally {
            threads.shutdownNow();
        }
    }

    private static void send(List<SentDeployment> ds, List<SentIncident> is, Random order) {
        Collections.shuffle(ds, order);
        boolean incidentsFirst = order.nextBoolean();
        if (incidentsFirst && !is.isEmpty()) {
            writers.incidents().ingest(writers.parser().incidents(is, false), "test");
        }
        if (!ds.isEmpty()) {
            writers.deployments().ingest(writers.parser().deployments(ds), "test");
        }
        if (!incidentsFirst && !is.isEmpty()) {
            writers.incidents().ingest(writers.parser().incidents(is, false), "test");
        }
    }

    /**
     * Deployments over ten days around both sides of midnight in Berlin, with few distinct commits so that many are
     * shipped again, earlier or later; some in staging, failed or rolled back.
     */
    private static List<SentDeployment> deployments(Random random, int count) {
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        String[] statuses = {"success", "success", "success", "rolled_back", "failure"};
        String[] environments = {"production", "production", "prod", "staging"};
        List<SentDeployment> pool = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant finished = start.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 10)));
            List<SentCommit> commits = new ArrayList<>();
            for (int c = random.nextInt(4); c > 0; c--) {
                int sha = random.nextInt(80);
                String sent = "sha" + sha;
                if (commits.stream().noneMatch(k -> k.sha().equals(sent))) {
                    commits.add(new SentCommit(sent, start.plus(Duration.ofHours(sha * 3L - 40)).toString()));
                }
            }
            pool.add(new SentDeployment("d" + i, SERVICES[random.nextInt(SERVICES.length)],
                    environments[random.nextInt(environments.length)], statuses[random.nextInt(statuses.length)],
                    finished.minusSeconds(600).toString(), finished.toString(), null, commits, null));
        }
        return pool;
    }

    /** Incidents, most naming a deployment of the pool and some one that never arrives; some resolved. */
    private static List<SentIncident> incidents(Random random, int count, int deploymentIds) {
        List<SentIncident> named = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant started = Instant.parse("2026-03-02T00:00:00Z").plus(Duration.ofHours(random.nextInt(200)));
            named.add(new SentIncident("inc" + i, SERVICES[random.nextInt(SERVICES.length)], started.toString(),
                    random.nextBoolean() ? started.plus(Duration.ofMinutes(random.nextInt(600))).toString() : null,
                    null, "d" + random.nextInt(deploymentIds)));
        }
        return named;
    }

    /**
     * A roll-up row, lead times sorted.
     *
     * @param service the catalog key
     * @param day the local date
     * @param deployments counted
     * @param rolledBack rolled back
     * @param failed failed
     * @param leadHours the lead times, ascending
     */
    record DayRow(String service, LocalDate day, int deployments, int rolledBack, int failed, List<Double> leadHours) {
    }

    private static List<DayRow> rollUp() {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT service, day, deployments, rolled_back, failed,
                       array(SELECT v FROM unnest(lead_hours) AS v ORDER BY v) AS lead
                FROM deploy_days ORDER BY service, day""")
                .map((rs, ctx) -> new DayRow(rs.getString("service"), rs.getObject("day", LocalDate.class),
                        rs.getInt("deployments"), rs.getInt("rolled_back"), rs.getInt("failed"),
                        List.of((Double[]) rs.getArray("lead").getArray())))
                .list());
    }

    /** Cuts the roll-up again from the events, as a changed org zone does, and reads it. */
    private static List<DayRow> rebuild() {
        jdbi.useHandle(h -> h.execute("DELETE FROM deploy_days_zone"));
        assertTrue(DeployDays.follow(jdbi, BERLIN));
        return rollUp();
    }
}
