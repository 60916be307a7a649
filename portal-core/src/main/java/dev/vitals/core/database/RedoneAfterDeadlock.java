package dev.vitals.core.database;

import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Runs a transaction again, whole, when PostgreSQL aborts it as a deadlock's victim. The health grid's triggers add to
 * shared counters in the order rows change, which two writers of many rows (a catalog import, a bulk signal save)
 * cannot agree on beforehand. The victim's transaction changed nothing, so running it again is safe, and the caller
 * gets an answer instead of an error it did not cause.
 */
public final class RedoneAfterDeadlock {

    static final int ATTEMPTS = 5;

    private RedoneAfterDeadlock() {
    }

    public static <T> T inTransaction(Jdbi jdbi, HandleCallback<T, RuntimeException> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(work);
            } catch (JdbiException e) {
                if (attempt == ATTEMPTS || !isDeadlock(e)) {
                    throw e;
                }
            }
        }
    }

    public static void useTransaction(Jdbi jdbi, HandleConsumer<RuntimeException> work) {
        inTransaction(jdbi, h -> {
            work.useHandle(h);
            return null;
        });
    }

    static boolean isDeadlock(Throwable e) {
        return AbortedForConcurrentWrite.stateOf(e).filter(AbortedForConcurrentWrite.DEADLOCK::equals).isPresent();
    }
}
