package dev.vitals.plugins.cost.db;

import java.sql.SQLException;
import java.time.Duration;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * A transaction allowed to outlast the portal's one-minute statement limit, which suits requests: a file of millions
 * of rows streams into one COPY, and years of billing are re-allocated after a rule changed, each in one transaction
 * so that it is all or nothing. The limit is raised for that transaction only.
 */
public final class LongTransaction {

    /** The most such a transaction may take. */
    public static final Duration TIME_LIMIT = Duration.ofMinutes(30);

    private LongTransaction() {
    }

    /** The statement limit for this transaction, and the socket's read limit past it (the pool resets it). */
    public static void allow(Handle h) {
        h.execute("SELECT set_config('statement_timeout', ?, true)", TIME_LIMIT.toMillis() + "ms");
        try {
            h.getConnection().setNetworkTimeout(Runnable::run, (int) TIME_LIMIT.plusMinutes(1).toMillis());
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException("cannot give the transaction its time", e, null);
        }
    }
}
