package dev.vitals.plugins.deploys.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.ProblemException;
import dev.vitals.plugins.deploys.DeploysTestPortal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deployments sent one per request share a transaction when they arrive while the writers are busy. The writers are
 * held busy here by a lock on the roll-up's zone, which every storing transaction reads, so that the events sent
 * meanwhile queue up and are written together once it is released.
 */
class GroupCommitTest {

    private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");
    private static DeploysTestPortal portal;
    private static Jdbi jdbi;
    private static DeploymentStore store;
    private static ExecutorService senders;

    @BeforeAll
    static void start() {
        portal = DeploysTestPortal.start("UTC", Map.of());
        jdbi = portal.context().jdbi();
        store = new DeploymentStore(jdbi, new EnvironmentNames(Set.of("prod")));
        senders = Executors.newFixedThreadPool(24);
    }

    @AfterAll
    static void stop() {
        senders.shutdownNow();
        portal.close();
    }

    @BeforeEach
    void clear() {
        portal.clear();
    }

    @Test
    void eventsQueuedWhileTheWritersAreBusyAreStoredTogetherAndEachIsAnsweredStored() throws Exception {
        List<DeploymentEvent> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            events.add(event("d-" + i, i % 2 == 0 ? "alpha" : "beta", "v1"));
        }
        List<Future<IngestResult>> answers;
        try (GroupCommit together = new GroupCommit(store)) {
            answers = whileWritersAreHeld(together, events);
            for (int i = 0; i < events.size(); i++) {
                IngestResult answer = answers.get(i).get();
                assertEquals(new IngestResult(1, 1, Map.of(events.get(i).service(), events.get(i).finishedAt())),
                        answer, "answer " + i);
            }
        }
        assertEquals(20, count("SELECT count(*) FROM deployments"));
        assertEquals(20, count("SELECT count(*) FROM deployment_commits"));
        assertEquals(20, count("SELECT sum(deployments) FROM deploy_days"));
        // The two writers each took one event before the lock was released, and the other 18 waited in one queue,
        // which the first writer free took whole (or, racing it, the other writer took a part).
        long transactions = count("SELECT count(DISTINCT xmin::text) FROM deployments");
        assertTrue(transactions <= 4, transactions + " transactions for 20 events");

        // A replay of them all, together again: nothing changes and each is answered unchanged.
        try (GroupCommit together = new GroupCommit(store)) {
            answers = whileWritersAreHeld(together, events);
            for (int i = 0; i < events.size(); i++) {
                assertEquals(new IngestResult(1, 0, Set.of()), answers.get(i).get(), "replayed answer " + i);
            }
        }
        assertEquals(20, count("SELECT count(*) FROM deployments"));
        assertEquals(20, count("SELECT sum(deployments) FROM deploy_days"));
    }

    @Test
    void anEventWhoseIdIsStoredWithOtherContentFailsAloneAndTheRestOfItsGroupIsStored() throws Exception {
        store.ingest(List.of(event("taken", "alpha", "v1")), "api");
        List<DeploymentEvent> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(event("d-" + i, "gamma", "v1"));
        }
        events.add(5, event("taken", "alpha", "v2"));
        List<Future<IngestResult>> answers;
        try (GroupCommit together = new GroupCommit(store)) {
            answers = whileWritersAreHeld(together, events);
            for (int i = 0; i < events.size(); i++) {
                if (i == 5) {
                    Exception refused = assertThrows(Exception.class,
                            answers.get(i)::get);
                    ProblemException problem = assertInstanceOf(ProblemException.class, refused.getCause());
                    assertEquals(409, problem.status());
                } else {
                    assertEquals(new IngestResult(1, 1, Map.of("gamma", events.get(i).finishedAt())),
                            answers.get(i).get(), "answer " + i);
                }
            }
        }
        assertEquals(11, count("SELECT count(*) FROM deployments"));
        assertEquals(Optional.of("v1"), jdbi.withHandle(h -> h.createQuery(
                "SELECT version FROM deployments WHERE id = 'taken'").mapTo(String.class).findOne()));
        assertEquals(11, count("SELECT sum(deployments) FROM deploy_days"));
    }

    /**
     * Sends each event from its own thread while a transaction holds the roll-up's zone: the first two one at a time,
     * each taken alone by a writer that then waits for the zone, the rest into the queue; once all are queued, the
     * lock goes.
     */
    private static List<Future<IngestResult>> whileWritersAreHeld(GroupCommit together, List<DeploymentEvent> events)
            throws Exception {
        List<Future<IngestResult>> answers = new ArrayList<>();
        try (Handle holder = jdbi.open()) {
            holder.begin();
            holder.execute("LOCK TABLE deploy_days_zone IN ACCESS EXCLUSIVE MODE");
            for (DeploymentEvent event : events) {
                answers.add(senders.submit(() -> together.ingest(event, "api")));
                int sent = answers.size();
                if (sent <= GroupCommit.WRITERS) {
                    while (waitingForTheZone() < sent) {
                        Thread.onSpinWait();
                    }
                }
            }
            while (together.queued() < events.size() - GroupCommit.WRITERS) {
                Thread.onSpinWait();
            }
            holder.rollback();
        }
        return answers;
    }

    private static long waitingForTheZone() {
        return count("SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation"
                + " WHERE c.relname = 'deploy_days_zone' AND NOT l.granted");
    }

    private static long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static DeploymentEvent event(String id, String service, String version) {
        return new DeploymentEvent(id, service, "production", DeploymentStatus.SUCCESS, AT.minusSeconds(600), AT,
                Optional.of(version), List.of(new Commit(id, AT.minusSeconds(7200))), Optional.empty());
    }
}
