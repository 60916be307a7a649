package dev.vitals.core.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vitals.core.testing.TestPostgres;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.Test;

/** Two writers that lock the same two rows crosswise: PostgreSQL aborts one, and it is run again, whole. */
class RedoneAfterDeadlockTest {

    @Test
    void twoWritersLockingCrosswiseBothCommitAndTheVictimRunsOnceMore() throws Exception {
        DatabaseSettings db = TestPostgres.freshDatabase();
        Jdbi jdbi = Jdbi.create(db.url(), db.user(), db.password());
        jdbi.useHandle(h -> h.execute("""
                CREATE TABLE counters (id int PRIMARY KEY, n int NOT NULL);
                INSERT INTO counters VALUES (1, 0), (2, 0)"""));
        CountDownLatch bothHoldTheirFirstRow = new CountDownLatch(2);
        AtomicInteger runs = new AtomicInteger();
        CompletableFuture<Void> oneThenTwo = CompletableFuture.runAsync(
                () -> RedoneAfterDeadlock.useTransaction(jdbi, h -> addCrosswise(h, 1, 2, bothHoldTheirFirstRow, runs)));
        CompletableFuture<Void> twoThenOne = CompletableFuture.runAsync(
                () -> RedoneAfterDeadlock.useTransaction(jdbi, h -> addCrosswise(h, 2, 1, bothHoldTheirFirstRow, runs)));
        CompletableFuture.allOf(oneThenTwo, twoThenOne).get(60, TimeUnit.SECONDS);

        assertEquals(3, runs.get(), "two first runs, one of them a deadlock's victim, and its second run");
        assertEquals(List.of(2, 2), jdbi.withHandle(h -> h.createQuery("SELECT n FROM counters ORDER BY id")
                .mapTo(Integer.class).list()), "each writer added to both rows exactly once");
    }

    private static void addCrosswise(Handle h, int first, int second, CountDownLatch bothHoldTheirFirstRow,
            AtomicInteger runs) {
        runs.incrementAndGet();
        h.execute("UPDATE counters SET n = n + 1 WHERE id = ?", first);
        bothHoldTheirFirstRow.countDown();
        try {
            // The victim's second run finds the latch open and the other writer done: no deadlock that time.
            bothHoldTheirFirstRow.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        h.execute("UPDATE counters SET n = n + 1 WHERE id = ?", second);
    }

    @Test
    void anyOtherFailureIsNotRunAgain() {
        DatabaseSettings db = TestPostgres.freshDatabase();
        Jdbi jdbi = Jdbi.create(db.url(), db.user(), db.password());
        AtomicInteger runs = new AtomicInteger();
        assertThrows(JdbiException.class, () -> RedoneAfterDeadlock.useTransaction(jdbi, h -> {
            runs.incrementAndGet();
            h.execute("SELECT * FROM no_such_table");
        }));
        assertEquals(1, runs.get());
    }
}
