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
 * held busy here by a lock on the inbox, which every accepting transaction writes, so that the events sent meanwhile
 * queue up and are accepted together once it is released.
 */
class GroupCommitTest {

    private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");
    private static DeploysTestPortal portal;
    private static Jdbi jdbi;
    private static DeploymentStore store;
    private static DeploymentInbox inbox;
    private static ExecutorService senders;

    @BeforeAll
    static void start() {
        portal = DeploysTestPortal.start("UTC", Map.of());
        jdbi = portal.context().jdbi();
        store = new DeploymentStore(jdbi, new EnvironmentNames(Set.of("prod")));
        inbox = new DeploymentInbox(jdbi, store);
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
    void eventsQueuedWhileTheWritersAreBusyAreAcceptedTogetherAndEachIsAnsweredQueued() throws Exception {
        List<DeploymentEvent> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            events.add(event("d-" + i, i % 2 == 0 ? "alpha" : "beta", "v1"));
        }
        List<Future<Boolean>> answers;
        try (GroupCommit together = new GroupCommit(inbox)) {
            answers = whileWritersAreHeld(together, events);
            for (int i = 0; i < events.size(); i++) {
                assertEquals(true, answers.get(i).get(), "answer " + i);
            }
        }
        assertEquals(20, count("SELECT count(*) FROM deployment_inbox"));
        assertEquals(0, count("SELECT count(*) FROM deployments"));
        // The two writers each took one event before the lock was released, and the other 18 waited in one queue,
        // which the first writer free took whole (or, racing it, the other writer took a part).
        long transactions = count("SELECT count(DISTINCT xmin::text) FROM deployment_inbox");
        assertTrue(transactions <= 4, transactions + " transactions for 20 events");

        assertEquals(Map.of("alpha", events.get(18).finishedAt(), "beta", events.get(19).finishedAt()),
                inbox.applyWaiting());
        assertEquals(0, count("SELECT count(*) FROM deployment_inbox"));
        assertEquals(20, count("SELECT count(*) FROM deployments"));
        assertEquals(20, count("SELECT count(*) FROM commit_first_deploys"));
        assertEquals(20, count("SELECT sum(deployments) FROM deploy_days"));

        // A replay of them all, together again: nothing changes and each is answered unchanged.
        try (GroupCommit together = new GroupCommit(inbox)) {
            answers = whileWritersAreHeld(together, events);
            for (int i = 0; i < events.size(); i++) {
                assertEquals(false, answers.get(i).get(), "replayed answer " + i);
            }
        }
        assertEquals(0, count("SELECT count(*) FROM deployment_inbox"));
        assertEquals(20, count("SELECT count(*) FROM deployments"));
        assertEquals(20, count("SELECT sum(deployments) FROM deploy_days"));
    }

    @Test
    void anEventWhoseIdIsStoredWithOtherContentFailsAloneAndTheRestOfItsGroupIsAccepted() throws Exception {
        store.ingest(List.of(event("taken", "alpha", "v1")), "api");
        List<DeploymentEvent> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(event("d-" + i, "gamma", "v1"));
        }
        events.add(5, event("taken", "alpha", "v2"));
        List<Future<Boolean>> answers;
        try (GroupCommit together = new GroupCommit(inbox)) {
            answers = whileWritersAreHeld(together, events);
            for (int i = 0; i < events.size(); i++) {
                if (i == 5) {
                    Exception refused = assertThrows(Exception.class,
                            answers.get(i)::get);
                    ProblemException problem = assertInstanceOf(ProblemException.class, refused.getCause());
                    assertEquals(409, problem.status());
                } else {
                    assertEquals(true, answers.get(i).get(), "answer " + i);
                }
            }
        }
        assertEquals(10, count("SELECT count(*) FROM deployment_inbox"));
        inbox.applyWaiting();
        assertEquals(11, count("SELECT count(*) FROM deployments"));
        assertEquals(Optional.of("v1"), jdbi.withHandle(h -> h.createQuery(
                "SELECT version FROM deployments WHERE id = 'taken'").mapTo(String.class).findOne()));
        assertEquals(11, count("SELECT sum(deployments) FROM deploy_days"));
    }

    /**
     * Sends each event from its own thread while a transaction holds the inbox: the first two one at a time, each
     * taken alone by a writer that then waits for the inbox, the rest into the queue; once all are queued, the lock
     * goes.
     */
    private static List<Future<Boolean>> whileWritersAreHeld(GroupCommit together, List<DeploymentEvent> events)
            throws Exception {
        List<Future<Boolean>> answers = new ArrayList<>();
        try (Handle holder = jdbi.open()) {
            holder.begin();
            holder.execute("LOCK TABLE deployment_inbox IN ACCESS EXCLUSIVE MODE");
            for (DeploymentEvent event : events) {
                answers.add(senders.submit(() -> together.accept(event, "api")));
                int sent = answers.size();
                if (sent <= GroupCommit.WRITERS) {
                    while (waitingForTheInbox() < sent) {
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

    private static long waitingForTheInbox() {
        return count("SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation"
                + " WHERE c.relname = 'deployment_inbox' AND NOT l.granted");
    }

    private static long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static DeploymentEvent event(String id, String service, String version) {
        return new DeploymentEvent(id, service, "production", DeploymentStatus.SUCCESS, AT.minusSeconds(600), AT,
                Optional.of(version), List.of(new Commit(id, AT.minusSeconds(7200))), Optional.empty());
    }
}
