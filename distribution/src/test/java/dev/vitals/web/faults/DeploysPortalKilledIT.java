package dev.vitals.web.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.core.database.DatabaseSettings;
import dev.vitals.core.testing.TestPostgres;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the portal while deployments it acknowledged one by one wait in the inbox, its applier stuck
 * mid-transaction: after a restart every one of them is applied, once.
 */
class DeploysPortalKilledIT {

    private static final int SENT = 40;

    @Test
    void deploymentsAcknowledgedButNotYetAppliedWhenThePortalDiesAreAppliedByTheNextStart() throws Exception {
        DatabaseSettings database = TestPostgres.freshDatabase();
        Jdbi db = Jdbi.create(database.url(), database.user(), database.password());
        Map<String, String> env = Map.of("VITALS_PLUGINS", "deploys");
        Instant first = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        Set<String> acknowledged = new HashSet<>();
        try (PortalProcess portal = PortalProcess.start(database, PortalProcess.distribution().resolve("plugins"),
                env)) {
            HttpResponse<String> catalog = send(portal, "/api/catalog/import?source=kill", "application/yaml",
                    EmbeddedDatabaseKillTest.CATALOG);
            assertEquals(200, catalog.statusCode(), catalog.body());
            // Every applying transaction reads the roll-up's zone: holding the table keeps the applier inside its
            // transaction, its rows taken, while the deployments are acknowledged.
            try (Handle holder = db.open()) {
                holder.begin();
                holder.execute("LOCK TABLE deploys.deploy_days_zone IN ACCESS EXCLUSIVE MODE");
                for (int i = 0; i < SENT; i++) {
                    String id = "held-" + i;
                    Instant finished = first.plus(i, ChronoUnit.MINUTES);
                    HttpResponse<String> answer = send(portal, "/api/deploys/events", "application/json", """
                            [{"id": "%s", "service": "alpha", "environment": "production", "status": "success",
                              "startedAt": "%s", "finishedAt": "%s",
                              "commits": [{"sha": "%s-c", "committedAt": "%s"}]}]""".formatted(id,
                            finished.minusSeconds(300), finished, id, finished.minusSeconds(3600)));
                    assertEquals(202, answer.statusCode(), answer.body());
                    acknowledged.add(id);
                }
                assertTrue(waitingApplier(db), "the applier is inside its transaction, waiting for the zone");
                portal.kill();
                holder.rollback();
            }
        }
        assertEquals(SENT, count(db, "SELECT count(*) FROM deploys.deployment_inbox"), "acknowledged, waiting");
        assertEquals(0, count(db, "SELECT count(*) FROM deploys.deployments"), "the killed applier committed nothing");

        try (PortalProcess restarted = PortalProcess.start(database, PortalProcess.distribution().resolve("plugins"),
                env)) {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (count(db, "SELECT count(*) FROM deploys.deployment_inbox") > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(acknowledged, new HashSet<>(db.withHandle(h -> h.createQuery(
                    "SELECT id FROM deploys.deployments").mapTo(String.class).list())));
            assertEquals(0, count(db, "SELECT count(*) FROM deploys.deployment_inbox"));
            assertEquals(SENT, count(db, "SELECT sum(deployments) FROM deploys.deploy_days"));
            assertEquals(SENT, count(db, "SELECT sum(cardinality(lead_hours)) FROM deploys.deploy_days"));
            // A sender that never heard the answer sends again: nothing changes.
            Instant finished = first;
            HttpResponse<String> replay = send(restarted, "/api/deploys/events", "application/json", """
                    [{"id": "held-0", "service": "alpha", "environment": "production", "status": "success",
                      "startedAt": "%s", "finishedAt": "%s",
                      "commits": [{"sha": "held-0-c", "committedAt": "%s"}]}]""".formatted(
                    finished.minusSeconds(300), finished, finished.minusSeconds(3600)));
            assertEquals(200, replay.statusCode(), replay.body());
            assertTrue(replay.body().contains("\"unchanged\":1"), replay.body());
            assertEquals(SENT, count(db, "SELECT sum(deployments) FROM deploys.deploy_days"));
        }
    }

    private static boolean waitingApplier(Jdbi db) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (count(db, "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation"
                    + " WHERE c.relname = 'deploy_days_zone' AND NOT l.granted") > 0) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private static long count(Jdbi db, String sql) {
        return db.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static HttpResponse<String> send(PortalProcess portal, String path, String type, String body)
            throws Exception {
        return portal.http().send(portal.request(path).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
