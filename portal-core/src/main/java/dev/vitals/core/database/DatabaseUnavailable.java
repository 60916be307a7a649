package dev.vitals.core.database;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a failure caused by the database being away (stopped, restarting, unreachable, refusing connections) from
 * any other: the first is the caller's to retry later, the second is a fault. The cause is looked for along the whole
 * chain, since Jdbi, Flyway, db-scheduler and plugin calls each wrap the driver's exception in their own.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    /** The SQLSTATE (or pool timeout) that says the database is away, when {@code failure} was caused by that. */
    public static Optional<String> causeOf(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                // HikariCP: no working connection within the connect timeout.
                return Optional.of("no connection within the timeout");
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && unavailable(sql.getSQLState())) {
                return Optional.of("SQLSTATE " + sql.getSQLState());
            }
        }
        return Optional.empty();
    }

    public static boolean isCauseOf(Throwable failure) {
        return causeOf(failure).isPresent();
    }

    /**
     * Class 08 (connection exception, also what the driver reports for a socket timeout or a refused connection),
     * 57P01–57P03 (the server is shutting down or starting up), 53300 (too many connections) and 57014 (a statement
     * cancelled by the statement timeout: the database is too slow to answer now).
     */
    private static boolean unavailable(String state) {
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || state.equals("53300") || state.equals("57014");
    }
}
