package dev.vitals.core.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * PostgreSQL 17 run by the portal itself, so that a first start needs no database install. Its data directory is
 * kept between runs, so stopping and starting the portal keeps the data.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /** Starts on a free port with its data in {@code dataDir}; creates the directory on first use. */
    public static EmbeddedPostgresServer start(Path dataDir) {
        return start(dataDir, false);
    }

    /**
     * Starts on a free port with its data in a new temporary directory that {@link #close()} deletes: half a gigabyte
     * per server, which would otherwise pile up with every test run.
     */
    public static EmbeddedPostgresServer startThrowaway() {
        try {
            return start(Files.createTempDirectory("vitals-test-pg"), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmbeddedPostgresServer start(Path dataDir, boolean deleteOnClose) {
        try {
            Files.createDirectories(dataDir);
            return new EmbeddedPostgresServer(EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(deleteOnClose)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    .start(), dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL in " + dataDir, e);
        }
    }

    /** Connection settings for the {@code postgres} database as its superuser. */
    public DatabaseSettings settings() {
        return settings("postgres");
    }

    /** Connection settings for another database on this server. */
    public DatabaseSettings settings(String database) {
        return new DatabaseSettings("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database,
                "postgres", "");
    }

    Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
