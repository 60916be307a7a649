package dev.vitals.core.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.core.Vitals;
import dev.vitals.core.config.VitalsConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the embedded PostgreSQL dies, the portal starts it again by itself. */
class EmbeddedPostgresSupervisionTest {

    @Test
    void aKilledServerIsBackOnTheSamePortWithEveryCommittedRowAndThePortalIsReadyAgain(@TempDir Path dataDir)
            throws Exception {
        VitalsConfig config = VitalsConfig.fromEnvironment(Map.of("VITALS_DATA_DIR", dataDir.toString()));
        try (Vitals portal = Vitals.startWithoutPlugins(config, new SimpleMeterRegistry(),
                new Vitals.Options(Clock.systemUTC(), Duration.ofMillis(200), Duration.ofHours(1), Duration.ofHours(1)))) {
            String url = portal.database().settings().url();
            portal.database().jdbi().useHandle(h -> h.execute(
                    "INSERT INTO core.settings (key, value) VALUES ('written-before-the-kill', 'kept')"));
            long killed = postmasterPid(dataDir);

            assertTrue(ProcessHandle.of(killed).orElseThrow().destroyForcibly(), "SIGKILL sent to " + killed);
            ProcessHandle.of(killed).ifPresent(p -> p.onExit().join());

            // A backend orphaned by the kill can still answer a moment after its postmaster died: ready counts only
            // once a new postmaster has written its pid.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!(newPostmaster(dataDir, killed) && portal.isReady()) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertTrue(newPostmaster(dataDir, killed), "a new postmaster within 30 s of the kill");
            assertTrue(portal.isReady(), "ready again within 30 s of the kill");
            assertNotEquals(killed, postmasterPid(dataDir), "a new postmaster");
            assertEquals(url, portal.database().settings().url());
            assertEquals("kept", portal.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT value FROM core.settings WHERE key = 'written-before-the-kill'").mapTo(String.class).one()));
        }
    }

    private static boolean newPostmaster(Path dataDir, long killed) {
        try {
            return postmasterPid(dataDir) != killed;
        } catch (Exception e) {
            return false; // the file is being replaced by the new postmaster
        }
    }

    /** PostgreSQL's own record of its postmaster: the first line of {@code postmaster.pid}. */
    static long postmasterPid(Path dataDir) throws Exception {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(0).strip());
    }
}
