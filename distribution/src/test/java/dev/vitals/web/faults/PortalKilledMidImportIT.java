package dev.vitals.web.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.core.database.DatabaseSettings;
import dev.vitals.core.testing.TestPostgres;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * A portal process killed with SIGKILL while it writes a large catalog import: after a restart the catalog holds all
 * of that import or none of it, and an import acknowledged before the kill is all there.
 */
class PortalKilledMidImportIT {

    private static final int LARGE = 5000;

    @Test
    void aPortalKilledMidImportLeavesAllOrNoneOfItAndKeepsWhatItAcknowledged() throws Exception {
        DatabaseSettings database = TestPostgres.freshDatabase();
        Jdbi db = Jdbi.create(database.url(), database.user(), database.password());
        Path noPlugins = Files.createTempDirectory("vitals-no-plugins");
        HttpResponse<String> large;
        long sentAt;
        long killedAt;
        CompletableFuture<HttpResponse<String>> pending;
        String writing;
        try (PortalProcess portal = PortalProcess.start(database, noPlugins, Map.of())) {
            HttpResponse<String> small = post(portal, "small", catalog("kept", 3));
            assertEquals(200, small.statusCode(), small.body());

            sentAt = System.nanoTime();
            pending = portal.http().sendAsync(portal.request("/api/catalog/import?source=large")
                    .header("Content-Type", "application/yaml")
                    .POST(HttpRequest.BodyPublishers.ofString(catalog("bulk", LARGE))).build(),
                    HttpResponse.BodyHandlers.ofString());
            writing = awaitImportWriting(db, pending);
            portal.kill();
            killedAt = System.nanoTime();
        }
        large = pending.handle((response, failure) -> response).get();
        boolean acknowledged = large != null && large.statusCode() == 200;
        long present = count(db, "SELECT count(*) FROM core.catalog_entities WHERE name LIKE 'bulk-%'");
        long relations = count(db, "SELECT count(*) FROM core.catalog_relations WHERE source_ref LIKE 'component:default/bulk-%'");
        System.out.printf("PortalKilledMidImportIT: killed %d ms after sending %d entities; acknowledged=%s;"
                        + " entities present=%d, relations present=%d; the import's backend was running: %s%n",
                (killedAt - sentAt) / 1_000_000, LARGE, acknowledged, present, relations, writing);

        try (PortalProcess restarted = PortalProcess.start(database, noPlugins, Map.of())) {
            assertEquals(3, count(db, "SELECT count(*) FROM core.catalog_entities WHERE name LIKE 'kept-%'"),
                    "the import acknowledged before the kill is all there");
            if (acknowledged) {
                assertEquals(LARGE, present, "an acknowledged import is all there");
            } else {
                assertTrue(present == 0 || present == LARGE, "all or none of the import, not " + present);
            }

            HttpResponse<String> again = post(restarted, "large", catalog("bulk", LARGE));
            assertEquals(200, again.statusCode(), again.body());
            assertEquals(LARGE, count(db, "SELECT count(*) FROM core.catalog_entities WHERE name LIKE 'bulk-%'"),
                    "the import, sent again after the restart, is applied whole");
            long whole = count(db, "SELECT count(*) FROM core.catalog_relations WHERE source_ref LIKE 'component:default/bulk-%'");
            assertTrue(whole > 0);
            assertEquals(present == 0 ? 0 : whole, relations, "relations come and go with their entities");
        }
    }

    /**
     * Waits until a database backend is inside the import's transaction with rows written but not committed: it has
     * come to the relations, which it writes after each batch of 500 entities.
     *
     * @return the statement it was running
     */
    static String awaitImportWriting(Jdbi db, CompletableFuture<?> pending) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (pending.isDone()) {
                throw new AssertionError("the import ended before it could be killed: make it larger");
            }
            Optional<String> writing = db.withHandle(h -> h.createQuery("""
                    SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 60) FROM pg_stat_activity
                    WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL
                      AND query LIKE '%core.catalog_relations%'""").mapTo(String.class).findFirst());
            if (writing.isPresent()) {
                return writing.get();
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no backend wrote the import within 60 s");
    }

    private static HttpResponse<String> post(PortalProcess portal, String source, String yaml) throws Exception {
        return portal.http().send(portal.request("/api/catalog/import?source=" + source)
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(yaml)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long count(Jdbi db, String sql) {
        return db.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    /** Backstage components, each owned by a team and part of a system: two relations each. */
    static String catalog(String prefix, int entities) {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < entities; i++) {
            yaml.append("""
                    apiVersion: backstage.io/v1alpha1
                    kind: Component
                    metadata:
                      name: %s-%05d
                      description: Generated component %d of a large catalog
                      tags: [generated, java]
                    spec:
                      type: service
                      lifecycle: production
                      owner: team-%02d
                      system: system-%02d
                    ---
                    """.formatted(prefix, i, i, i % 40, i % 25));
        }
        return yaml.toString();
    }
}
