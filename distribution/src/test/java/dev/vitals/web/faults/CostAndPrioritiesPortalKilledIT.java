package dev.vitals.web.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.core.database.DatabaseSettings;
import dev.vitals.core.testing.TestPostgres;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the portal process between and during cost imports and priorities writes: what the portal
 * acknowledged is there after a restart, an import killed half-way left no row, and sending that file again after the
 * restart stores it exactly once.
 */
class CostAndPrioritiesPortalKilledIT {

    @Test
    void aKilledPortalKeepsWhatItAcknowledgedAndNoPartOfTheImportItWasWriting() throws Exception {
        DatabaseSettings database = TestPostgres.freshDatabase();
        Jdbi db = Jdbi.create(database.url(), database.user(), database.password());
        Map<String, String> env = Map.of("VITALS_PLUGINS", "cost,priorities");
        FocusUpload kept = FocusUpload.whole("kept-account", 500);
        FocusUpload large = FocusUpload.pausing("large-account", 12_000, 10_000);
        PrioritiesWrites.Acknowledged writes;
        CompletableFuture<HttpResponse<String>> pending;
        try (PortalProcess portal = PortalProcess.start(database, PortalProcess.distribution().resolve("plugins"),
                env)) {
            HttpResponse<String> catalog = portal.http().send(portal.request("/api/catalog/import?source=kill")
                    .header("Content-Type", "application/yaml")
                    .POST(HttpRequest.BodyPublishers.ofString(EmbeddedDatabaseKillTest.CATALOG)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, catalog.statusCode(), catalog.body());
            HttpResponse<String> imported = importFile(portal, kept);
            assertEquals(201, imported.statusCode(), imported.body());
            writes = PrioritiesWrites.make((method, path, body) -> send(portal, method, path, body));

            pending = portal.http().sendAsync(importRequest(portal, large), HttpResponse.BodyHandlers.ofString());
            FocusUpload.awaitCopied(db, 1000);
            portal.kill();
            large.release();
        }
        HttpResponse<String> answer = pending.handle((response, failure) -> response).get();
        assertNull(answer, "the killed portal answered the import it was writing: " + answer);
        assertEquals(0, rowsOf(db, "large-account"), "rows of the import killed half-way");
        assertEquals(kept.rows(), rowsOf(db, "kept-account"), "rows of the import acknowledged before the kill");

        try (PortalProcess restarted = PortalProcess.start(database,
                PortalProcess.distribution().resolve("plugins"), env)) {
            writes.assertPresent(db, (method, path, body) -> send(restarted, method, path, body));
            FocusUpload again = FocusUpload.whole("large-account", large.rows());
            HttpResponse<String> first = importFile(restarted, again);
            assertEquals(201, first.statusCode(), first.body());
            HttpResponse<String> second = importFile(restarted, FocusUpload.whole("large-account", large.rows()));
            assertEquals(201, second.statusCode(), second.body());
            assertTrue(second.body().contains("\"replaced\":" + large.rows()), second.body());
            assertEquals(large.rows(), rowsOf(db, "large-account"),
                    "the file sent again after the restart, twice, is there once");
            assertEquals(kept.rows(), rowsOf(db, "kept-account"), "the other account's import is untouched");
            assertTrue(allocatedDays(db) > 0, "the imports were allocated");
            assertEquals(List.of(), db.withHandle(h -> h.createQuery("""
                    SELECT day::text FROM (SELECT day, sum(direct + shared) AS total FROM cost.allocations GROUP BY day) a
                      FULL JOIN (SELECT day, sum(direct + shared) AS total FROM cost.allocation_team_days GROUP BY day) t
                     USING (day) WHERE a.total IS DISTINCT FROM t.total ORDER BY day""").mapTo(String.class).list()),
                    "days whose sums per team differ from their allocations after the kill and the replays");
        }
    }

    private static long allocatedDays(Jdbi db) {
        return db.withHandle(h -> h.createQuery("SELECT count(DISTINCT day) FROM cost.allocations")
                .mapTo(Long.class).one());
    }

    static long rowsOf(Jdbi db, String account) {
        return db.withHandle(h -> h.createQuery("SELECT count(*) FROM cost.charges WHERE billing_account_id = :a")
                .bind("a", account).mapTo(Long.class).one());
    }

    private static HttpRequest importRequest(PortalProcess portal, FocusUpload file) {
        return portal.request("/api/cost/imports").header("Content-Type", "text/csv").POST(file.body()).build();
    }

    private static HttpResponse<String> importFile(PortalProcess portal, FocusUpload file) throws Exception {
        return portal.http().send(importRequest(portal, file), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(PortalProcess portal, String method, String path, String body)
            throws Exception {
        HttpRequest.Builder request = portal.request(path).header("Content-Type", "application/json");
        request = body == null ? request.GET() : request.method(method, HttpRequest.BodyPublishers.ofString(body));
        return portal.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
