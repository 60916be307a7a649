package dev.vitals.core.database;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL 17 run by the portal itself, so that a first start needs no database install. Its data directory is
 * kept between runs, so stopping and starting the portal keeps the data.
 *
 * <p>It is run as carefully as any PostgreSQL: every commit is flushed to disk before it is acknowledged
 * ({@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on), it listens on 127.0.0.1 only, and
 * every login needs a password. The host logs in as role {@code vitals}, which is not superuser (see
 * {@link EmbeddedHostRole}). Should the server die, a supervisor thread starts it again on the same port, so the
 * connection pools find it again by themselves.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Duration LONGEST_RETRY_PAUSE = Duration.ofSeconds(2);

    private final EmbeddedDataDirectory data;
    private final Durability durability;
    private final boolean deleteOnClose;
    private final FileChannel lockFile;
    private final FileLock lock;
    private final Object lifecycle = new Object();
    private final Thread supervisor;
    private volatile Process postmaster;
    private volatile boolean closed;

    /** How the server treats commits. */
    private enum Durability {
        /** Every acknowledged commit is on disk: the production setting. */
        DURABLE,
        /** Commits may be lost in a crash: only for test servers whose data is deleted at close anyway. */
        THROWAWAY
    }

    private EmbeddedPostgresServer(EmbeddedDataDirectory data, Durability durability, boolean deleteOnClose,
            FileChannel lockFile, FileLock lock) {
        this.data = data;
        this.durability = durability;
        this.deleteOnClose = deleteOnClose;
        this.lockFile = lockFile;
        this.lock = lock;
        this.supervisor = new Thread(this::supervise, "vitals-embedded-postgres-supervisor");
        this.supervisor.setDaemon(true);
    }

    /**
     * Starts the portal's durable database with its data in {@code dataDir}; creates the directory on first use,
     * and upgrades one made by earlier versions in place.
     */
    public static EmbeddedPostgresServer start(Path dataDir) {
        return start(dataDir, Durability.DURABLE, false);
    }

    /**
     * For tests: a server with its data in a new temporary directory that {@link #close()} deletes (half a gigabyte
     * per server, which would otherwise pile up with every test run). Commits are not flushed to disk, for speed:
     * nothing on it outlives the test run.
     */
    public static EmbeddedPostgresServer startThrowaway() {
        try {
            return start(Files.createTempDirectory("vitals-test-pg"), Durability.THROWAWAY, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmbeddedPostgresServer start(Path dataDir, Durability durability, boolean deleteOnClose) {
        FileChannel lockFile = null;
        try {
            // Beside the data directory, not in it: initdb wants an empty directory.
            Files.createDirectories(dataDir.toAbsolutePath().getParent());
            lockFile = FileChannel.open(lockPath(dataDir), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = lockFile.tryLock();
            if (lock == null) {
                throw new IllegalStateException("another Vitals process is using the embedded database in " + dataDir
                        + "; stop it first");
            }
            stopOrphan(dataDir);
            EmbeddedDataDirectory data = EmbeddedDataDirectory.prepare(dataDir, durability == Durability.DURABLE);
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(data, durability, deleteOnClose, lockFile, lock);
            try {
                server.startPostmaster();
                EmbeddedHostRole.provide(server.superuserSettings(), data.hostPassword());
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            server.supervisor.start();
            return server;
        } catch (IOException e) {
            closeQuietly(lockFile);
            throw new UncheckedIOException("could not start embedded PostgreSQL in " + dataDir, e);
        } catch (RuntimeException e) {
            closeQuietly(lockFile);
            throw e;
        }
    }

    private static Path lockPath(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + ".lock");
    }

    /** How the portal logs in: role {@code vitals}, owner of database {@code vitals}, not superuser. */
    public DatabaseSettings settings() {
        return new DatabaseSettings(url(EmbeddedHostRole.DATABASE), EmbeddedHostRole.ROLE, data.hostPassword());
    }

    /**
     * The superuser on database {@code postgres}, with its password. The portal uses it only to set up role
     * {@code vitals}; tests use it to create databases and roles of their own.
     */
    public DatabaseSettings superuserSettings() {
        return new DatabaseSettings(url("postgres"), EmbeddedDataDirectory.SUPERUSER, data.superuserPassword());
    }

    /** The port it listens on, on 127.0.0.1; the same after the server is restarted. */
    public int port() {
        return data.port();
    }

    Path dataDir() {
        return data.pgdata();
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + data.port() + "/" + database;
    }

    /** {@code url} with its database replaced by {@code database}. */
    static String url(String url, String database) {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        return url.substring(0, slash + 1) + database;
    }

    /**
     * A postmaster left running by a portal process that was killed: it holds the data directory, so it goes. Only
     * a process started by a previous portal can be there, since this one holds the directory's lock.
     */
    private static void stopOrphan(Path dataDir) {
        String pgdata = dataDir.toString();
        Optional<ProcessHandle> orphan = postmasterPid(dataDir).flatMap(ProcessHandle::of)
                .filter(p -> p.info().command().map(c -> c.endsWith(File.separator + "postgres")).orElse(false))
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains(pgdata)).orElse(false));
        if (orphan.isPresent()) {
            LOG.warn("Stopping embedded PostgreSQL (pid {}) left running by an earlier portal process in {}",
                    orphan.get().pid(), dataDir);
            orphan.get().destroy();
            try {
                orphan.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                orphan.get().destroyForcibly();
            }
        }
    }

    /** The first line of {@code postmaster.pid}, which PostgreSQL keeps while it runs. */
    private static Optional<Long> postmasterPid(Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void startPostmaster() {
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("embedded PostgreSQL in " + data.pgdata() + " is closed");
            }
            Path log = data.pgdata().resolve("log").resolve("postgres.log");
            Process process;
            try {
                Files.createDirectories(log.getParent());
                process = new ProcessBuilder(PostgresBinaries.command("postgres", serverArguments()))
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not run embedded PostgreSQL", e);
            }
            awaitConnections(process, log);
            postmaster = process;
            LOG.info("Embedded PostgreSQL running on 127.0.0.1:{} (pid {}, {}), data in {}", data.port(),
                    process.pid(), durability == Durability.DURABLE ? "durable" : "throwaway, no fsync",
                    data.pgdata());
        }
    }

    private List<String> serverArguments() {
        String flush = durability == Durability.DURABLE ? "on" : "off";
        List<String> arguments = new ArrayList<>(List.of("-D", data.pgdata().toString(), "-p",
                Integer.toString(data.port())));
        for (String setting : List.of("listen_addresses=127.0.0.1", "unix_socket_directories=",
                "password_encryption=scram-sha-256", "fsync=" + flush, "synchronous_commit=" + flush,
                "full_page_writes=" + flush, "max_connections=300", "timezone=UTC")) {
            arguments.add("-c");
            arguments.add(setting);
        }
        return arguments;
    }

    private void awaitConnections(Process process, Path log) {
        DatabaseSettings superuser = superuserSettings();
        long deadline = System.nanoTime() + STARTUP_WAIT.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("embedded PostgreSQL stopped at start with exit code "
                        + process.exitValue() + "; the end of " + log + ":\n" + tail(log));
            }
            try (Connection c = DriverManager.getConnection(superuser.url() + "?connectTimeout=2&socketTimeout=5",
                    superuser.user(), superuser.password())) {
                return;
            } catch (SQLException e) {
                last = e;
            }
            pause(Duration.ofMillis(100));
        }
        process.destroyForcibly();
        throw new IllegalStateException("embedded PostgreSQL did not accept connections within " + STARTUP_WAIT
                + "; the end of " + log + ":\n" + tail(log), last);
    }

    /**
     * Waits for the server to stop and starts it again, on the same port and with the same data, until it runs or
     * the portal closes it. PostgreSQL recovers from its write-ahead log at start, so every acknowledged commit is
     * still there. Request threads never wait for this: their pools just fail to connect until it is back.
     */
    private void supervise() {
        while (!closed) {
            Process running = postmaster;
            try {
                running.waitFor();
            } catch (InterruptedException e) {
                return;
            }
            if (closed) {
                return;
            }
            LOG.error("Embedded PostgreSQL (pid {}) stopped with exit code {}; starting it again on port {}",
                    running.pid(), running.exitValue(), data.port());
            Duration pause = Duration.ofMillis(100);
            while (!closed) {
                try {
                    // Backends of a killed postmaster exit on their own shortly; until then a new one cannot start.
                    startPostmaster();
                    break;
                } catch (RuntimeException e) {
                    if (closed) {
                        return;
                    }
                    LOG.warn("Embedded PostgreSQL did not start yet, trying again in {} ms: {}", pause.toMillis(),
                            e.getMessage());
                    pause(pause);
                    pause = pause.multipliedBy(2).compareTo(LONGEST_RETRY_PAUSE) > 0 ? LONGEST_RETRY_PAUSE
                            : pause.multipliedBy(2);
                }
            }
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        Process running;
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            running = postmaster;
        }
        supervisor.interrupt();
        stop(running);
        try {
            lock.release();
        } catch (IOException e) {
            LOG.warn("Could not release the lock on {}: {}", data.pgdata(), e.toString());
        }
        closeQuietly(lockFile);
        if (deleteOnClose) {
            delete(data.pgdata());
            try {
                Files.deleteIfExists(lockPath(data.pgdata()));
            } catch (IOException e) {
                LOG.warn("Could not delete {}: {}", lockPath(data.pgdata()), e.toString());
            }
        }
    }

    /** A fast shutdown, as {@code pg_ctl stop -m fast} does: open sessions are ended, and a checkpoint written. */
    private void stop(Process running) {
        if (running == null || !running.isAlive()) {
            return;
        }
        try {
            Process ctl = new ProcessBuilder(PostgresBinaries.command("pg_ctl",
                    List.of("stop", "-D", data.pgdata().toString(), "-m", "fast", "-w", "-t", "30")))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            ctl.waitFor(40, TimeUnit.SECONDS);
            if (!running.waitFor(10, TimeUnit.SECONDS)) {
                running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            running.destroyForcibly();
        } catch (InterruptedException e) {
            running.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("Could not close {}", channel, e);
            }
        }
    }

    private static void delete(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", dir, e.toString());
        }
    }
}
