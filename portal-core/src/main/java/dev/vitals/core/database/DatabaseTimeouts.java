package dev.vitals.core.database;

import java.time.Duration;

/**
 * How long the portal waits on PostgreSQL before it gives up and answers "database unavailable" instead of hanging.
 *
 * @param connect how long a caller waits for a working connection: a new login (TCP connect plus authentication) and
 *     a free connection from the pool. Kept below five seconds by default, so that a request made while the database
 *     is away is answered 503 within five seconds ({@code VITALS_DB_CONNECT_TIMEOUT_SECONDS})
 * @param socket how long one read from the server may block; ends calls on a connection whose server vanished
 *     without closing it (a cut network, a frozen host). Longer than {@code statement}, so a slow statement is ended
 *     by the server with an error rather than by a dead socket ({@code VITALS_DB_SOCKET_TIMEOUT_SECONDS})
 * @param statement the longest one SQL statement may run before the server cancels it
 *     ({@code VITALS_DB_STATEMENT_TIMEOUT_SECONDS}); a session idle inside a transaction for ten times this is ended
 *     by the server
 */
public record DatabaseTimeouts(Duration connect, Duration socket, Duration statement) {

    /**
     * Connect 3 s: a request waits at most this for a connection (plus at most 1 s testing the last one it was
     * handed), so the 503 goes out inside 5 s. Statement 60 s: requests' statements take milliseconds, and the longest
     * ones, in plugin jobs and bulk imports, take seconds at the sizes measured in docs/PERFORMANCE.md; a minute
     * leaves room without letting a runaway query hold its locks for long. Migrations are exempt. Socket 90 s: past
     * the statement timeout, so it only ever fires on a server that is gone.
     */
    public static final DatabaseTimeouts DEFAULT =
            new DatabaseTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(90), Duration.ofSeconds(60));

    public DatabaseTimeouts {
        if (connect.isNegative() || connect.isZero() || socket.isNegative() || socket.isZero()
                || statement.isNegative() || statement.isZero()) {
            throw new IllegalArgumentException("database timeouts must be positive: " + connect + ", " + socket
                    + ", " + statement);
        }
    }
}
