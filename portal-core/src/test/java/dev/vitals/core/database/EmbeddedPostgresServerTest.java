package dev.vitals.core.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @Test
    void dataSurvivesAStopAndStartInTheSameDataDirectory(@TempDir Path dataDir) throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            execute(server, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')");
        }
        try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(dataDir)) {
            DatabaseSettings s = restarted.settings();
            try (Connection c = DriverManager.getConnection(s.url(), s.user(), s.password());
                    ResultSet rs = c.createStatement().executeQuery("SELECT note FROM kept")) {
                rs.next();
                assertEquals("still here", rs.getString(1));
            }
            assertEquals("17", serverMajorVersion(restarted));
        }
    }

    @Test
    void aThrowawayServerLeavesNoFilesBehind() {
        Path dataDir;
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startThrowaway()) {
            dataDir = server.dataDir();
            assertTrue(Files.isDirectory(dataDir.resolve("base")), "the server keeps its data in " + dataDir);
        }
        assertFalse(Files.exists(dataDir), dataDir + " is left behind");
    }

    private static String serverMajorVersion(EmbeddedPostgresServer server) throws Exception {
        DatabaseSettings s = server.settings();
        try (Connection c = DriverManager.getConnection(s.url(), s.user(), s.password())) {
            return String.valueOf(c.getMetaData().getDatabaseMajorVersion());
        }
    }

    private static void execute(EmbeddedPostgresServer server, String sql) throws Exception {
        DatabaseSettings s = server.settings();
        try (Connection c = DriverManager.getConnection(s.url(), s.user(), s.password()); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
