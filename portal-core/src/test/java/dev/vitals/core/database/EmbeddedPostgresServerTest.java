package dev.vitals.core.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The portal's own PostgreSQL: durable, reached only with a password on loopback, and as a role that is not superuser. */
class EmbeddedPostgresServerTest {

    @TempDir
    static Path dataDir;
    private static EmbeddedPostgresServer server;

    @BeforeAll
    static void start() {
        server = EmbeddedPostgresServer.start(dataDir.resolve("postgres"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyCommitIsOnDiskBeforeItIsAcknowledged() throws Exception {
        assertEquals(List.of("on", "on", "on"), List.of(show(server.settings(), "fsync"),
                show(server.settings(), "synchronous_commit"), show(server.settings(), "full_page_writes")));
    }

    @Test
    void itListensOnLoopbackOnlyAndHasNoUnixSocket() throws Exception {
        assertEquals("127.0.0.1", show(server.settings(), "listen_addresses"));
        assertEquals("", show(server.superuserSettings(), "unix_socket_directories"));
    }

    @Test
    void noRoleLogsInWithoutItsPassword() {
        DatabaseSettings superuser = server.superuserSettings();
        DatabaseSettings host = server.settings();
        for (DatabaseSettings refused : List.of(
                new DatabaseSettings(superuser.url(), superuser.user(), ""),
                new DatabaseSettings(superuser.url(), superuser.user(), "wrong"),
                new DatabaseSettings(host.url(), host.user(), ""),
                new DatabaseSettings(host.url(), host.user(), host.password() + "x"))) {
            assertAskedForAPasswordAndRefused(refused);
        }
    }

    /**
     * Refused by the server as a wrong password (28P01), or, for an empty one, by the driver once the server asked
     * for SCRAM (08004): either way the server wanted a password, so no trust rule let the login in.
     */
    static void assertAskedForAPasswordAndRefused(DatabaseSettings login) {
        SQLException e = assertThrows(SQLException.class, () -> connect(login).close(),
                login.user() + " logged in with password '" + login.password() + "'");
        assertTrue(e.getSQLState().equals("28P01")
                || e.getSQLState().equals("08004") && e.getMessage().contains("SCRAM"), e.getMessage());
    }

    @Test
    void everyRuleOfTheServerAsksForAPassword() throws Exception {
        try (Connection c = connect(server.superuserSettings());
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT string_agg(DISTINCT type || ' ' || auth_method, ', ') FROM pg_hba_file_rules")) {
            rs.next();
            assertEquals("host scram-sha-256", rs.getString(1));
        }
    }

    @Test
    void thePasswordsAreGeneratedIntoFilesOnlyTheirOwnerReads() throws Exception {
        for (String file : List.of("vitals-superuser-password", "vitals-host-password")) {
            Path path = server.dataDir().resolve(file);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)), file);
        }
        assertEquals(server.superuserSettings().password(),
                Files.readString(server.dataDir().resolve("vitals-superuser-password")).strip());
        assertTrue(server.settings().password().length() >= 32, "a generated password is long");
    }

    @Test
    void thePortalLogsInAsTheOwnerOfItsDatabaseWhoMayCreateRolesButIsNotSuperuser() throws Exception {
        try (Connection c = connect(server.settings()); ResultSet rs = c.createStatement().executeQuery("""
                SELECT current_user, current_database(), rolsuper, rolcreaterole, rolcreatedb,
                       pg_get_userbyid(datdba)
                FROM pg_roles, pg_database WHERE rolname = current_user AND datname = current_database()""")) {
            rs.next();
            assertEquals("vitals", rs.getString(1));
            assertEquals("vitals", rs.getString(2));
            assertFalse(rs.getBoolean(3), "superuser");
            assertTrue(rs.getBoolean(4), "createrole");
            assertFalse(rs.getBoolean(5), "createdb");
            assertEquals("vitals", rs.getString(6), "owner of database vitals");
        }
    }

    @Test
    void dataSurvivesAStopAndStartInTheSameDataDirectoryOnTheSamePort(@TempDir Path otherDataDir) throws Exception {
        Path otherDir = otherDataDir.resolve("postgres");
        int port;
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(otherDir)) {
            port = first.port();
            try (Connection c = connect(first.settings()); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')");
            }
        }
        try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(otherDir);
                Connection c = connect(restarted.settings());
                ResultSet rs = c.createStatement().executeQuery("SELECT note FROM kept")) {
            rs.next();
            assertEquals("still here", rs.getString(1));
            assertEquals(port, restarted.port());
            assertEquals(17, c.getMetaData().getDatabaseMajorVersion());
        }
    }

    @Test
    void aServerLeftRunningByAKilledPortalIsStoppedAndTheDataDirectoryStartsAgain(@TempDir Path otherDataDir)
            throws Exception {
        Path pgdata = otherDataDir.resolve("postgres");
        int port;
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(pgdata)) {
            port = first.port();
        }
        // What a portal killed with kill -9 leaves behind: its postmaster, still running, with nobody watching it.
        Process orphan = new ProcessBuilder(PostgresBinaries.command("postgres", List.of("-D", pgdata.toString(),
                "-p", Integer.toString(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=")))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            while (!Files.exists(pgdata.resolve("postmaster.pid"))) {
                Thread.sleep(50);
            }
            try (EmbeddedPostgresServer next = EmbeddedPostgresServer.start(pgdata);
                    Connection c = connect(next.settings())) {
                assertFalse(orphan.isAlive(), "the orphan is stopped");
                assertEquals(port, next.port());
            }
        } finally {
            orphan.destroyForcibly();
        }
    }

    @Test
    void aThrowawayServerLeavesNoFilesBehind() {
        Path throwawayDir;
        try (EmbeddedPostgresServer throwaway = EmbeddedPostgresServer.startThrowaway()) {
            throwawayDir = throwaway.dataDir();
            assertTrue(Files.isDirectory(throwawayDir.resolve("base")), "the server keeps its data in " + throwawayDir);
        }
        assertFalse(Files.exists(throwawayDir), throwawayDir + " is left behind");
    }

    private static String show(DatabaseSettings settings, String setting) throws SQLException {
        try (Connection c = connect(settings); ResultSet rs = c.createStatement().executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static Connection connect(DatabaseSettings s) throws SQLException {
        return DriverManager.getConnection(s.url(), s.user(), s.password());
    }
}
