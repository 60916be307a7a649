package dev.vitals.web.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.vitals.core.Vitals;
import dev.vitals.core.audit.Actor;
import dev.vitals.core.config.VitalsConfig;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.plugins.cost.CostPlugin;
import dev.vitals.plugins.priorities.PrioritiesPlugin;
import dev.vitals.web.PortalServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the embedded PostgreSQL postmaster while the portal writes a cost import: the portal brings its
 * database back by itself, every import and priorities write it acknowledged before is there, the import it was
 * writing left no row, and that file sent again is stored exactly once.
 */
class CostAndPrioritiesDatabaseKillTest {

    private static final String TOKEN = "kill-test-admin-token-0123456789";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void killingTheDatabaseMidImportLosesNoAcknowledgedWriteAndLeavesNoRowOfTheImport(@TempDir Path dataDir)
            throws Exception {
        VitalsConfig config = VitalsConfig.fromEnvironment(Map.of("VITALS_PORT", "0", "VITALS_ADMIN_TOKEN", TOKEN,
                "VITALS_DATA_DIR", dataDir.toString()));
        try (PortalServer portal = PortalServer.start(config,
                TestPlugins.of().with("cost", CostPlugin::new).with("priorities", PrioritiesPlugin::new).source(),
                new Vitals.Options(Clock.systemUTC(), Duration.ofMillis(200), Duration.ofHours(1),
                        Duration.ofHours(1)))) {
            portal.vitals().catalogSources().importText("test", EmbeddedDatabaseKillTest.CATALOG,
                    new Actor("test", Optional.empty()));
            FocusUpload kept = FocusUpload.whole("kept-account", 500);
            HttpResponse<String> imported = importFile(portal, kept);
            assertEquals(201, imported.statusCode(), imported.body());
            PrioritiesWrites.Acknowledged writes = PrioritiesWrites.make((method, path, body) ->
                    send(portal, method, path, body));

            FocusUpload large = FocusUpload.pausing("large-account", 12_000, 10_000);
            CompletableFuture<HttpResponse<String>> pending = http.sendAsync(importRequest(portal, large),
                    HttpResponse.BodyHandlers.ofString());
            FocusUpload.awaitCopied(EmbeddedDatabaseKillTest.superuser(dataDir), 1000);
            long postmaster = EmbeddedDatabaseKillTest.postmasterPid(dataDir);
            ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
            large.release();
            HttpResponse<String> answer = pending.handle((response, failure) -> response).get();
            assertNotEquals(201, answer == null ? 0 : answer.statusCode(),
                    "the import whose database was killed under it was acknowledged");
            EmbeddedDatabaseKillTest.awaitReady(http, portal, dataDir, postmaster);

            Jdbi db = EmbeddedDatabaseKillTest.superuser(dataDir);
            assertEquals(0, CostAndPrioritiesPortalKilledIT.rowsOf(db, "large-account"),
                    "rows of the import the kill cut short");
            assertEquals(kept.rows(), CostAndPrioritiesPortalKilledIT.rowsOf(db, "kept-account"),
                    "rows of the import acknowledged before the kill");
            writes.assertPresent(db, (method, path, body) -> send(portal, method, path, body));

            for (int time = 1; time <= 2; time++) {
                HttpResponse<String> again = importFile(portal, FocusUpload.whole("large-account", large.rows()));
                assertEquals(201, again.statusCode(), again.body());
                assertEquals(large.rows(), CostAndPrioritiesPortalKilledIT.rowsOf(db, "large-account"),
                        "the file sent again " + time + " time(s) once the database is back is there once");
            }
        }
    }

    private HttpRequest importRequest(PortalServer portal, FocusUpload file) {
        return request(portal, "/api/cost/imports").header("Content-Type", "text/csv").POST(file.body()).build();
    }

    private HttpResponse<String> importFile(PortalServer portal, FocusUpload file) throws Exception {
        return http.send(importRequest(portal, file), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(PortalServer portal, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = request(portal, path).header("Content-Type", "application/json");
        request = body == null ? request.GET() : request.method(method, HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(PortalServer portal, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + portal.port() + path))
                .header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(120));
    }
}
