package dev.vitals.core.database;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a transaction PostgreSQL aborted to let a concurrent one through (a deadlock's victim, 40P01, or a
 * serialization failure, 40001) from any other failure: the aborted transaction changed nothing, so running it, or
 * sending its request, again is safe and will most likely pass. The cause is looked for along the whole chain, since
 * Jdbi and plugin calls wrap the driver's exception in their own.
 */
public final class AbortedForConcurrentWrite {

    /** SQLSTATE of a deadlock's victim. */
    public static final String DEADLOCK = "40P01";
    /** SQLSTATE of a serialization failure. */
    public static final String SERIALIZATION = "40001";

    private AbortedForConcurrentWrite() {
    }

    /** @return the SQLSTATE, 40P01 or 40001, when {@code failure} was caused by such an abort */
    public static Optional<String> stateOf(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLException sql
                    && (DEADLOCK.equals(sql.getSQLState()) || SERIALIZATION.equals(sql.getSQLState()))) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }
}
