package dev.vitals.core.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.Job;
import dev.vitals.api.PluginContext;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.VitalsPlugin;
import dev.vitals.core.Vitals;
import dev.vitals.core.audit.Actor;
import dev.vitals.core.database.DatabaseSettings;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.core.testing.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class JobSchedulerTest {

    /** A job that records each run's start and end, taking long enough that two concurrent runs would overlap. */
    static final class RecordingPlugin implements VitalsPlugin {
        private final String instance;

        RecordingPlugin(String instance) {
            this.instance = instance;
        }

        @Override
        public RunningPlugin create(PluginContext context) {
            Jdbi jdbi = context.jdbi();
            return new RunningPlugin() {
                @Override
                public List<Job> jobs() {
                    return List.of(new Job("record", Duration.ofMillis(300), () -> {
                        Instant started = Instant.now();
                        Thread.sleep(250);
                        jdbi.useHandle(h -> h.createUpdate("INSERT INTO runs (instance, started_at, finished_at) "
                                        + "VALUES (:i, :s, now())")
                                .bind("i", instance).bind("s", started).execute());
                    }));
                }
            };
        }
    }

    record Run(String instance, OffsetDateTime startedAt, OffsetDateTime finishedAt) {
    }

    @Test
    void twoPortalInstancesOnOneDatabaseRunEachJobOnce() throws Exception {
        DatabaseSettings db = TestPostgres.freshDatabase();
        try (Vitals first = TestPortal.start(db, TestPlugins.of().with("jobs", () -> new RecordingPlugin("first")).source());
                Vitals second = TestPortal.start(db, TestPlugins.of().with("jobs", () -> new RecordingPlugin("second")).source())) {
            List<Run> runs = awaitRuns(first, 8);

            for (int i = 1; i < runs.size(); i++) {
                Run previous = runs.get(i - 1);
                Run next = runs.get(i);
                assertTrue(!next.startedAt().isBefore(previous.finishedAt()),
                        "run " + next + " started while " + previous + " was still running");
            }
        }
    }

    @Test
    void aDisabledPluginsJobDoesNotRun() throws Exception {
        DatabaseSettings db = TestPostgres.freshDatabase();
        try (Vitals portal = TestPortal.start(db, TestPlugins.of().with("jobs", () -> new RecordingPlugin("only")).source())) {
            awaitRuns(portal, 1);
            portal.plugins().setEnabled("jobs", false, Actor.SYSTEM);
            Thread.sleep(300); // let a run that was already under way finish
            int before = count(portal);

            Thread.sleep(1500); // five job intervals

            assertEquals(before, count(portal), "no run may happen while the plugin is disabled");
            portal.plugins().setEnabled("jobs", true, Actor.SYSTEM);
            awaitRuns(portal, before + 1);
        }
    }

    @Test
    void aPluginFirstStartedAfterThePortalRunsItsJobsFromThen() throws Exception {
        DatabaseSettings db = TestPostgres.freshDatabase();
        try (Vitals first = TestPortal.start(db, TestPlugins.of().with("jobs", () -> new RecordingPlugin("first")).source())) {
            first.plugins().setEnabled("jobs", false, Actor.SYSTEM);
        }
        try (Vitals second = TestPortal.start(db, TestPlugins.of().with("jobs", () -> new RecordingPlugin("second")).source())) {
            Thread.sleep(1000); // three job intervals, with the plugin switched off since the portal started
            assertEquals(0, count(second) - countOf(second, "first"), "no run while the plugin never started");

            second.plugins().setEnabled("jobs", true, Actor.SYSTEM);

            List<Run> runs = awaitRuns(second, count(second) + 1);
            assertEquals("second", runs.get(runs.size() - 1).instance());
        }
    }

    /** Declares job "first" at its first start and job "second" at every later one, counting the runs of each. */
    static final class ChangingJobs implements VitalsPlugin {
        final Map<String, AtomicInteger> runs =
                new ConcurrentHashMap<>();
        private final AtomicInteger creates = new AtomicInteger();

        @Override
        public RunningPlugin create(PluginContext context) {
            String name = creates.incrementAndGet() == 1 ? "first" : "second";
            return new RunningPlugin() {
                @Override
                public List<Job> jobs() {
                    return List.of(new Job(name, Duration.ofMillis(200),
                            () -> runs.computeIfAbsent(name, k -> new AtomicInteger())
                                    .incrementAndGet()));
                }
            };
        }

        int runsOf(String name) {
            return runs.getOrDefault(name, new AtomicInteger()).get();
        }
    }

    @Test
    void aRestartThatDeclaresOtherJobsRunsTheNewOnesAndNoLongerTheOld() throws Exception {
        ChangingJobs plugin = new ChangingJobs();
        try (Vitals portal = TestPortal.start(TestPostgres.freshDatabase(), TestPlugins.of().with("jobs", () -> plugin).source())) {
            await(() -> plugin.runsOf("first") > 0);

            portal.plugins().setEnabled("jobs", false, Actor.SYSTEM);
            portal.plugins().setEnabled("jobs", true, Actor.SYSTEM);
            int firstRuns = plugin.runsOf("first");

            await(() -> plugin.runsOf("second") > 1);
            assertEquals(firstRuns, plugin.runsOf("first"), "the job the running plugin no longer declares stops");
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s");
            }
            Thread.sleep(50);
        }
    }

    @Test
    void aRunLeftPickedByAnInstanceThatDiedIsTakenOverWithinAMinute() throws Exception {
        DatabaseSettings db = TestPostgres.freshDatabase();
        try (Vitals first = TestPortal.start(db, TestPlugins.of().with("jobs", () -> new RecordingPlugin("first")).source())) {
            awaitRuns(first, 1);
        }
        Jdbi.create(db.url(), db.user(), db.password()).useHandle(h -> h.execute("""
                UPDATE core.scheduled_tasks SET picked = true, picked_by = 'crashed-instance',
                    last_heartbeat = now() - interval '2 minutes', execution_time = now() - interval '2 minutes'
                WHERE task_name = ?""", JobScheduler.taskName("jobs", "record")));
        try (Vitals second = TestPortal.start(db, TestPlugins.of().with("jobs", () -> new RecordingPlugin("second")).source())) {
            int before = count(second);

            List<Run> runs = awaitRuns(second, before + 1);

            assertEquals("second", runs.get(runs.size() - 1).instance(), "the surviving instance took the job over");
        }
    }

    @Test
    void aStoppedPluginsJobIsKeptHoweverLongItWaitedAndAJobItsOwnerNoLongerDeclaresIsDeleted() throws Exception {
        DatabaseSettings db = TestPostgres.freshDatabase();
        try (Vitals first = TestPortal.start(db, TestPlugins.of().with("jobs", () -> new RecordingPlugin("first")).source())) {
            awaitRuns(first, 1);
        }
        Jdbi jdbi = Jdbi.create(db.url(), db.user(), db.password());
        String pluginJob = JobScheduler.taskName("jobs", "record");
        List<String> hostJobs = jdbi.withHandle(h -> h.createQuery(
                "SELECT task_name FROM core.scheduled_tasks WHERE task_name LIKE 'core.%' ORDER BY 1 LIMIT 2")
                .mapTo(String.class).list());
        // The plugin's job has been due for three weeks: its plugin was off. A host job of an older version, which
        // this one no longer declares, has waited as long.
        jdbi.useHandle(h -> h.execute("UPDATE core.scheduled_tasks SET execution_time = now() - interval '21 days'"
                + " WHERE task_name = ?", pluginJob));
        jdbi.useHandle(h -> h.execute("INSERT INTO core.scheduled_tasks (task_name, task_instance, execution_time,"
                + " picked, version) VALUES ('core.retired', 'recurring', now() - interval '21 days', false, 1)"));
        leftByADeadInstance(jdbi, hostJobs.get(0));

        try (Vitals second = TestPortal.start(db, TestPlugins.of().source(),
                Map.of("VITALS_JOB_HEARTBEAT_SECONDS", "1", "VITALS_JOB_MISSED_HEARTBEATS", "4"))) {
            // db-scheduler deletes the runs of jobs it has not known for long enough where it looks for dead runs;
            // two such checks, the second after the portal had polled the table for a while, have passed once a run
            // left before each has been taken over.
            await(() -> takenOver(jdbi, hostJobs.get(0)));
            leftByADeadInstance(jdbi, hostJobs.get(1));
            await(() -> takenOver(jdbi, hostJobs.get(1)));

            int scheduled = jdbi.withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM core.scheduled_tasks WHERE task_name = ?")
                    .bind(0, pluginJob).mapTo(Integer.class).one());
            assertEquals(1, scheduled, "the plugin's job is still scheduled");
            await(() -> jdbi.withHandle(h -> h.createQuery(
                    "SELECT count(*) = 0 FROM core.scheduled_tasks WHERE task_name = 'core.retired'")
                    .mapTo(Boolean.class).one()));
        }
    }

    private static void leftByADeadInstance(Jdbi jdbi, String job) {
        jdbi.useHandle(h -> h.execute("UPDATE core.scheduled_tasks SET picked = true, picked_by = 'crashed-instance',"
                + " last_heartbeat = now() - interval '1 hour' WHERE task_name = ?", job));
    }

    private static boolean takenOver(Jdbi jdbi, String job) {
        return jdbi.withHandle(h -> h.createQuery("SELECT picked_by IS DISTINCT FROM 'crashed-instance'"
                + " FROM core.scheduled_tasks WHERE task_name = ?").bind(0, job).mapTo(Boolean.class).one());
    }

    private static int count(Vitals portal) {
        return portal.database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM jobs.runs")
                .mapTo(Integer.class).one());
    }

    private static int countOf(Vitals portal, String instance) {
        return portal.database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM jobs.runs WHERE instance = :i")
                .bind("i", instance).mapTo(Integer.class).one());
    }

    private static List<Run> awaitRuns(Vitals portal, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            List<Run> runs = portal.database().jdbi().withHandle(h -> h.createQuery(
                            "SELECT instance, started_at, finished_at FROM jobs.runs ORDER BY started_at")
                    .map((rs, ctx) -> new Run(rs.getString(1), rs.getObject(2, OffsetDateTime.class),
                            rs.getObject(3, OffsetDateTime.class)))
                    .list());
            if (runs.size() >= atLeast) {
                return runs;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("fewer than " + atLeast + " job runs within 60 s");
    }
}
