package dev.vitals.web.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.core.Vitals;
import dev.vitals.core.audit.Actor;
import dev.vitals.core.config.VitalsConfig;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.plugins.deploys.DeploysPlugin;
import dev.vitals.plugins.slo.SloPlugin;
import dev.vitals.web.PortalServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portal on its embedded database (no {@code VITALS_DB_URL}) while four clients post deploy events and SLO
 * samples, one per request, or sends a large catalog import: {@code kill -9} of the PostgreSQL postmaster mid-way
 * loses no write the portal acknowledged, leaves no import in part, and the portal serves again by itself.
 */
class EmbeddedDatabaseKillTest {

    private static final String TOKEN = "kill-test-admin-token-0123456789";
    private static final int CLIENTS = 4;
    private static final int LARGE_IMPORT = 5000;
    /** Team streaming with its service alpha: the catalog the kill tests write against. */
    static final String CATALOG = """
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata:
              name: streaming
            spec:
              type: team
              children: []
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata:
              name: alpha
            spec:
              type: service
              lifecycle: production
              owner: streaming
            """;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Set<String> acknowledgedDeploys = ConcurrentHashMap.newKeySet();
    private final Set<String> acknowledgedSamples = ConcurrentHashMap.newKeySet();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();

    @Test
    void killingTheDatabaseMidIngestLosesNoAcknowledgedWrite(@TempDir Path dataDir) throws Exception {
        VitalsConfig config = VitalsConfig.fromEnvironment(Map.of("VITALS_PORT", "0", "VITALS_ADMIN_TOKEN", TOKEN,
                "VITALS_DATA_DIR", dataDir.toString()));
        try (PortalServer portal = PortalServer.start(config,
                TestPlugins.of().with("deploys", DeploysPlugin::new).with("slo", SloPlugin::new).source(),
                new Vitals.Options(Clock.systemUTC(), Duration.ofMillis(200), Duration.ofHours(1), Duration.ofHours(1)))) {
            portal.vitals().catalogSources().importText("test", CATALOG, new Actor("test", Optional.empty()));
            for (int client = 0; client < CLIENTS; client++) {
                HttpResponse<String> slo = post(portal, "/api/slo/slos", """
                        {"name": "kill-%d", "service": "alpha", "objective": 0.99, "window": "7d"}""".formatted(client));
                assertEquals(201, slo.statusCode(), slo.body());
            }
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> clients = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                int id = client;
                Thread thread = new Thread(() -> ingest(portal, id, stop), "kill-test-client-" + id);
                thread.start();
                clients.add(thread);
            }
            long started = System.nanoTime();
            awaitAcknowledged(60);
            long postmaster = postmasterPid(dataDir);
            int inFlightAtKill = inFlight.get();
            ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
            long killed = System.nanoTime();
            int acknowledgedAtKill = acknowledgedDeploys.size() + acknowledgedSamples.size();
            awaitReady(http, portal, dataDir, postmaster);
            long ready = System.nanoTime();
            awaitAcknowledged(acknowledgedAtKill + 60);
            stop.set(true);
            for (Thread thread : clients) {
                thread.join();
            }

            // A deployment sent alone is acknowledged from the inbox and applied moments later: the applier, which
            // the kill interrupted too, must have caught up by itself.
            long applyDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!present(dataDir, "SELECT id FROM deploys.deployment_inbox").isEmpty()
                    && System.nanoTime() < applyDeadline) {
                Thread.sleep(100);
            }
            assertEquals(Set.of(), present(dataDir, "SELECT id FROM deploys.deployment_inbox"),
                    "acknowledged deploy events still waiting to be applied");
            Set<String> presentDeploys = present(dataDir, "SELECT id FROM deploys.deployments");
            Set<String> presentSamples = present(dataDir,
                    "SELECT slo || '@' || to_char(minute AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM slo.samples");
            Set<String> lostDeploys = new HashSet<>(acknowledgedDeploys);
            lostDeploys.removeAll(presentDeploys);
            Set<String> lostSamples = new HashSet<>(acknowledgedSamples);
            lostSamples.removeAll(presentSamples);
            System.out.printf(Locale.ROOT, "kill -9 of postmaster %d mid-ingest, %.1f s after the clients started; /health/ready "
                            + "UP %.1f s after the kill: deploy events acknowledged %d, present %d; SLO samples "
                            + "acknowledged %d, present %d; requests failed %d; acknowledged and lost %d%n",
                    postmaster, (killed - started) / 1e9, (ready - killed) / 1e9,
                    acknowledgedDeploys.size(), acknowledgedDeploys.size() - lostDeploys.size(),
                    acknowledgedSamples.size(), acknowledgedSamples.size() - lostSamples.size(), failed.get(),
                    lostDeploys.size() + lostSamples.size());
            assertEquals(Set.of(), lostDeploys, "acknowledged deploy events lost");
            assertEquals(Set.of(), lostSamples, "acknowledged SLO samples lost");
            // A request in flight at the kill either failed or waited for the restarted database and was answered;
            // both show the kill landed mid-ingest.
            assertTrue(failed.get() > 0 || inFlightAtKill > 0, "the kill happened while clients were posting");
        }
    }

    @Test
    void killingTheDatabaseMidCatalogImportLeavesAllOrNoneOfIt(@TempDir Path dataDir) throws Exception {
        VitalsConfig config = VitalsConfig.fromEnvironment(Map.of("VITALS_PORT", "0", "VITALS_ADMIN_TOKEN", TOKEN,
                "VITALS_DATA_DIR", dataDir.toString()));
        try (PortalServer portal = PortalServer.start(config, TestPlugins.of().source(),
                new Vitals.Options(Clock.systemUTC(), Duration.ofMillis(200), Duration.ofHours(1), Duration.ofHours(1)))) {
            assertEquals(200, importCatalog(portal, "small", PortalKilledMidImportIT.catalog("kept", 3)).statusCode());
            CompletableFuture<HttpResponse<String>> pending = http.sendAsync(importRequest(portal, "large",
                    PortalKilledMidImportIT.catalog("bulk", LARGE_IMPORT)), HttpResponse.BodyHandlers.ofString());
            String writing = PortalKilledMidImportIT.awaitImportWriting(superuser(dataDir), pending);
            long postmaster = postmasterPid(dataDir);
            ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
            HttpResponse<String> large = pending.handle((response, failure) -> response).get();
            boolean acknowledged = large != null && large.statusCode() == 200;
            awaitReady(http, portal, dataDir, postmaster);

            Jdbi db = superuser(dataDir);
            long present = count(db, "SELECT count(*) FROM core.catalog_entities WHERE name LIKE 'bulk-%'");
            System.out.printf(Locale.ROOT, "kill -9 of the postmaster mid-import of %d entities (backend running: %s):"
                    + " answer %s, entities present %d%n", LARGE_IMPORT, writing,
                    large == null ? "none" : large.statusCode(), present);
            assertEquals(3, count(db, "SELECT count(*) FROM core.catalog_entities WHERE name LIKE 'kept-%'"),
                    "the import acknowledged before the kill is all there");
            if (acknowledged) {
                assertEquals(LARGE_IMPORT, present, "an acknowledged import is all there");
            } else {
                assertTrue(present == 0 || present == LARGE_IMPORT, "all or none of the import, not " + present);
            }
            HttpResponse<String> again = importCatalog(portal, "large",
                    PortalKilledMidImportIT.catalog("bulk", LARGE_IMPORT));
            assertEquals(200, again.statusCode(), again.body());
            assertEquals(LARGE_IMPORT, count(db, "SELECT count(*) FROM core.catalog_entities WHERE name LIKE 'bulk-%'"),
                    "the import, sent again once the database is back, is applied whole");
        }
    }

    private HttpRequest importRequest(PortalServer portal, String source, String yaml) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + portal.port() + "/api/catalog/import?source="
                        + source)).header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/yaml")
                .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.ofString(yaml)).build();
    }

    private HttpResponse<String> importCatalog(PortalServer portal, String source, String yaml) throws Exception {
        return http.send(importRequest(portal, source, yaml), HttpResponse.BodyHandlers.ofString());
    }

    private static long count(Jdbi db, String sql) {
        return db.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    /** The embedded server's superuser, with the password the portal generated into the data directory. */
    static Jdbi superuser(Path dataDir) throws Exception {
        Path pgdata = dataDir.resolve("postgres");
        String port = Files.readString(pgdata.resolve("vitals-port")).strip();
        String password = Files.readString(pgdata.resolve("vitals-superuser-password")).strip();
        return Jdbi.create("jdbc:postgresql://127.0.0.1:" + port + "/vitals", "postgres", password);
    }

    /** One client: a deploy event, then an SLO sample, each alone in its request; a failure is counted, not retried. */
    private void ingest(PortalServer portal, int client, AtomicBoolean stop) {
        Instant firstMinute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(20, ChronoUnit.HOURS);
        for (int i = 0; !stop.get() && i < 1000; i++) {
            String deploy = "kill-" + client + "-" + i;
            Instant finished = firstMinute.plus(i, ChronoUnit.MINUTES);
            record(post(portal, "/api/deploys/events", """
                    [{"id": "%s", "service": "alpha", "environment": "production", "status": "success",
                      "startedAt": "%s", "finishedAt": "%s", "version": "1.0.%d", "pipeline": "ci",
                      "commits": [{"sha": "%s-c", "committedAt": "%s"}]}]""".formatted(deploy,
                    finished.minusSeconds(300), finished, i, deploy, finished.minusSeconds(3600))),
                    acknowledgedDeploys, deploy);
            String slo = "kill-" + client;
            Instant minute = firstMinute.plus(i, ChronoUnit.MINUTES);
            record(post(portal, "/api/slo/samples", """
                    [{"slo": "%s", "minute": "%s", "good": 99, "total": 100}]""".formatted(slo, minute)),
                    acknowledgedSamples, slo + "@" + minute);
        }
    }

    private void record(HttpResponse<String> response, Set<String> acknowledged, String key) {
        if (response != null && response.statusCode() / 100 == 2) {
            acknowledged.add(key);
        } else {
            failed.incrementAndGet();
        }
    }

    private HttpResponse<String> post(PortalServer portal, String path, String body) {
        inFlight.incrementAndGet();
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + portal.port() + path))
                    .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void awaitAcknowledged(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (acknowledgedDeploys.size() + acknowledgedSamples.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /**
     * Waits for a new postmaster and a ready portal: a backend orphaned by the kill may answer for a moment after its
     * postmaster died, which is not the database being back.
     */
    static void awaitReady(HttpClient http, PortalServer portal, Path dataDir, long killed)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Thread.sleep(200);
        while (System.nanoTime() < deadline) {
            try {
                if (postmasterPid(dataDir) == killed) {
                    Thread.sleep(200);
                    continue;
                }
            } catch (Exception e) {
                Thread.sleep(200); // the new postmaster is replacing the file
                continue;
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + portal.port() + "/health/ready")).timeout(Duration.ofSeconds(10))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // Not answering yet counts as not ready.
            }
            Thread.sleep(200);
        }
        throw new AssertionError("/health/ready not UP within 30 s of the kill");
    }

    static long postmasterPid(Path dataDir) throws Exception {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).strip());
    }

    /** Read as the embedded server's superuser, with the password the portal generated into the data directory. */
    private static Set<String> present(Path dataDir, String query) throws Exception {
        return new HashSet<>(superuser(dataDir).withHandle(h -> h.createQuery(query).mapTo(String.class).list()));
    }
}
