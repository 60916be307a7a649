package dev.vitals.web.faults;

import dev.vitals.core.database.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of one test's own, standing in for an external database: the test can stop it, freeze it and
 * bring it back on the same port and data, which the shared fixture must never do. Its roles are its own too, so
 * plugin roles made by other tests on the shared server are not in the way.
 */
final class ThrowawayPostgres implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres postgres;

    private ThrowawayPostgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    static ThrowawayPostgres start() {
        try (ServerSocket socket = new ServerSocket(0)) {
            ThrowawayPostgres server = new ThrowawayPostgres(Files.createTempDirectory("vitals-outage-pg"),
                    socket.getLocalPort());
            socket.close();
            server.boot();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void boot() {
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL in " + dataDir + " on port " + port, e);
        }
    }

    /**
     * A database set up exactly as the README asks of an external one: a role with {@code LOGIN CREATEROLE}, no
     * superuser, owning the database.
     */
    DatabaseSettings leastPrivilegeDatabase(String name) {
        String password = "pw-" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + name + " LOGIN CREATEROLE PASSWORD '" + password + "'");
            s.execute("CREATE DATABASE " + name + " OWNER " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new DatabaseSettings(url(name), name, password);
    }

    /** A clean shutdown, as an operator's restart or a managed database's failover does it. */
    void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts again on the same port with the same data. */
    void restart() {
        boot();
    }

    /**
     * Freezes the server and every backend (SIGSTOP), as a cut network or a hung host looks from outside: the port
     * still takes connections, nothing ever answers.
     */
    void freeze() {
        signal("STOP");
    }

    void thaw() {
        signal("CONT");
    }

    /**
     * Signals the postmaster, which must take it, then its backends. A backend may end between being listed and being
     * signalled (kill then exits 1 for it): one that is gone needs no signal, so only the postmaster's answer counts.
     */
    private void signal(String name) {
        long pid = postmasterPid();
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        run(List.of("kill", "-" + name, String.valueOf(pid)), true);
        List<String> backends = postmaster.descendants().map(p -> String.valueOf(p.pid())).toList();
        if (!backends.isEmpty()) {
            run(Stream.concat(Stream.of("kill", "-" + name), backends.stream()).toList(), false);
        }
    }

    private static void run(List<String> command, boolean mustSucceed) {
        try {
            int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
            if (exit != 0 && mustSucceed) {
                throw new IllegalStateException(command + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String url(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            // Already stopped; the directory still goes.
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
