package dev.vitals.core.testing;

import dev.vitals.core.database.DatabaseSettings;
import dev.vitals.core.database.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one PostgreSQL fixture of every module's tests. The server is, in this order: the one at
 * {@code VITALS_TEST_DB_URL} (with {@code VITALS_TEST_DB_USER}/{@code _PASSWORD}); a Testcontainers
 * {@code postgres:17} when a Docker engine answers; otherwise embedded PostgreSQL 17. One server per test JVM, and a
 * fresh database for every call to {@link #freshDatabase()}, so test classes never see each other's data.
 */
public final class TestPostgres {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static DatabaseSettings server;

    private TestPostgres() {
    }

    /** A new, empty database on the shared test server; the settings log in as a role that may create roles. */
    public static DatabaseSettings freshDatabase() {
        DatabaseSettings admin = server();
        String name = "vitals_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = DriverManager.getConnection(admin.url(), admin.user(), admin.password());
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database on " + admin.url(), e);
        }
        return new DatabaseSettings(replaceDatabase(admin.url(), name), admin.user(), admin.password());
    }

    /**
     * A new database owned by a role holding only what the README asks of an external database: {@code LOGIN},
     * {@code CREATEROLE} and ownership of the database. No superuser.
     */
    public static DatabaseSettings freshDatabaseWithLeastPrivilege() {
        DatabaseSettings admin = server();
        String name = "vitals_least_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        String password = "least-" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(admin.url(), admin.user(), admin.password());
                Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + name + " LOGIN CREATEROLE PASSWORD '" + password + "'");
            s.execute("CREATE DATABASE " + name + " OWNER " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create least-privilege test database on " + admin.url(), e);
        }
        return new DatabaseSettings(replaceDatabase(admin.url(), name), name, password);
    }

    /** Which kind of server the fixture chose, for test output. */
    public static synchronized String describe() {
        return server().url();
    }

    private static synchronized DatabaseSettings server() {
        if (server == null) {
            server = startServer();
        }
        return server;
    }

    private static DatabaseSettings startServer() {
        String url = System.getenv("VITALS_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            return new DatabaseSettings(url, envOr("VITALS_TEST_DB_USER", "postgres"),
                    envOr("VITALS_TEST_DB_PASSWORD", ""));
        }
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17");
            container.start();
            return new DatabaseSettings(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        EmbeddedPostgresServer embedded = EmbeddedPostgresServer.startThrowaway();
        Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
        return embedded.superuserSettings();
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static String replaceDatabase(String url, String database) {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?', slash);
        return url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
    }
}
