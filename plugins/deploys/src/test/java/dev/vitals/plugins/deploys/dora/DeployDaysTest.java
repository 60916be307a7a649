package dev.vitals.plugins.deploys.dora;

import static dev.vitals.plugins.deploys.dora.DoraKeysTest.deploy;
import static dev.vitals.plugins.deploys.dora.DoraKeysTest.incident;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.plugins.deploys.DeploysTestPortal;
import dev.vitals.plugins.deploys.ingest.DeploymentStore;
import dev.vitals.plugins.deploys.ingest.EnvironmentNames;
import dev.vitals.plugins.deploys.ingest.EventParser;
import dev.vitals.plugins.deploys.ingest.IncidentStore;
import dev.vitals.plugins.deploys.ingest.SentCommit;
import dev.vitals.plugins.deploys.ingest.SentDeployment;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The daily roll-up says exactly what the events say: row by row against a rebuild from scratch, and report by report
 * against the same report read from the events, whatever the order of arrival.
 */
class DeployDaysTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static DeploysTestPortal portal;
    private static Jdbi jdbi;
    private static EventParser parser;
    private static DeploymentStore deployments;
    private static IncidentStore incidents;
    private static DoraQuery dora;

    @BeforeAll
    static void start() {
        portal = DeploysTestPortal.start("Europe/Berlin", Map.of());
        jdbi = portal.context().jdbi();
        parser = new EventParser(portal.context().catalog());
        deployments = new DeploymentStore(jdbi, new EnvironmentNames(Set.of("prod")));
        incidents = new IncidentStore(jdbi);
        dora = new DoraQuery(jdbi, DoraThresholds.DEFAULTS);
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @BeforeEach
    void empty() {
        portal.clear();
    }

    @AfterEach
    void backToTheOrgZone() {
        DeployDays.follow(jdbi, BERLIN);
    }

    private static void ship(SentDeployment... events) {
        deployments.ingest(parser.deployments(List.of(events)), "test");
    }

    /** Every roll-up row as text, lead times sorted, in key order. */
    private static List<String> rows() {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT service || ' ' || day || ' n=' || deployments || ' rb=' || rolled_back || ' failed=' || failed
                       || ' lead=' || (SELECT coalesce(array_agg(v ORDER BY v), '{}') FROM unnest(lead_hours) v)::text
                FROM deploy_days ORDER BY service, day""").mapTo(String.class).list());
    }

    /** The rows a rebuild from every event gives. */
    private static List<String> rebuilt() {
        ZoneId zone = jdbi.withHandle(DeployDays::zone).orElseThrow();
        jdbi.useHandle(h -> h.execute("DELETE FROM deploy_days_zone"));
        assertTrue(DeployDays.follow(jdbi, zone));
        return rows();
    }

    @Test
    void aDayIsTheOrgZoneDateSoLateEveningUtcIsTomorrowInBerlin() {
        ship(deploy("a", "production", "success", "2026-03-01T22:59:00Z", "c1", "2026-03-01T20:59:00Z"),
                deploy("b", "production", "rolled_back", "2026-03-01T23:00:00Z"),
                deploy("c", "staging", "success", "2026-03-01T23:30:00Z"));

        // 22:59 UTC is 23:59 CET on the 1st; 23:00 UTC is midnight on the 2nd; staging is not counted.
        assertEquals(List.of("alpha 2026-03-01 n=1 rb=0 failed=0 lead={2}",
                "alpha 2026-03-02 n=1 rb=1 failed=1 lead={}"), rows());
    }

    @Test
    void bothDaylightSavingChangesKeepTheLocalDate() {
        ship(// Spring forward 29 March: 00:59 UTC is 01:59 CET, 01:00 UTC is 03:00 CEST; 21:59 UTC is 23:59 CEST.
                deploy("s1", "production", "success", "2026-03-29T00:59:00Z"),
                deploy("s2", "production", "success", "2026-03-29T01:00:00Z"),
                deploy("s3", "production", "success", "2026-03-29T21:59:00Z"),
                deploy("s4", "production", "success", "2026-03-29T22:00:00Z"),
                // Fall back 25 October: 02:30 local happens twice, at 00:30 and at 01:30 UTC; the day ends at
                // 23:00 UTC, 25 hours after it began.
                deploy("f0", "production", "success", "2026-10-24T21:59:00Z"),
                deploy("f1", "production", "success", "2026-10-24T22:00:00Z"),
                deploy("f2", "production", "success", "2026-10-25T00:30:00Z"),
                deploy("f3", "production", "success", "2026-10-25T01:30:00Z"),
                deploy("f4", "production", "success", "2026-10-25T22:59:00Z"),
                deploy("f5", "production", "success", "2026-10-25T23:00:00Z"));

        assertEquals(List.of("alpha 2026-03-29 n=3 rb=0 failed=0 lead={}", "alpha 2026-03-30 n=1 rb=0 failed=0 lead={}",
                "alpha 2026-10-24 n=1 rb=0 failed=0 lead={}", "alpha 2026-10-25 n=4 rb=0 failed=0 lead={}",
                "alpha 2026-10-26 n=1 rb=0 failed=0 lead={}"), rows());
        DoraReport fallBack = dora.report(Optional.of(List.of("alpha")),
                new Period(LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 26), BERLIN));
        assertEquals(4, fallBack.deployments());
        assertEquals(dora.fromEvents(Optional.of(List.of("alpha")), fallBack.period()), fallBack);
    }

    @Test
    void replayingABatchChangesNoRow() {
        List<SentDeployment> batch = List.of(
                deploy("r1", "production", "success", "2026-03-02T10:00:00Z", "c1", "2026-03-01T10:00:00Z"),
                deploy("r2", "production", "rolled_back", "2026-03-02T11:00:00Z", "c2", "2026-03-02T09:00:00Z"));
        deployments.ingest(parser.deployments(batch), "test");
        incidents.ingest(parser.incidents(List.of(incident("i1", "2026-03-02T12:00:00Z", null, "r1")), false),
                "test");
        List<String> before = rows();

        deployments.ingest(parser.deployments(batch), "test");
        incidents.ingest(parser.incidents(List.of(incident("i1", "2026-03-02T12:00:00Z", null, "r1")), false),
                "test");

        assertEquals(List.of("alpha 2026-03-02 n=2 rb=1 failed=2 lead={2,24}"), before);
        assertEquals(before, rows());
    }

    @Test
    void anIncidentNamingADeploymentLaterMakesItsDayFailedOnce() {
        ship(deploy("x1", "production", "success", "2026-03-02T10:00:00Z"),
                deploy("x2", "production", "rolled_back", "2026-03-02T11:00:00Z"));
        assertEquals(List.of("alpha 2026-03-02 n=2 rb=1 failed=1 lead={}"), rows());

        incidents.ingest(parser.incidents(List.of(incident("i1", "2026-03-20T10:00:00Z", null, "x1")), false),
                "test");
        assertEquals(List.of("alpha 2026-03-02 n=2 rb=1 failed=2 lead={}"), rows());

        // A second incident naming the same deployment, and one naming an already rolled back one: still 2.
        incidents.ingest(parser.incidents(List.of(incident("i2", "2026-03-21T10:00:00Z", null, "x1"),
                incident("i3", "2026-03-21T10:00:00Z", null, "x2")), false), "test");
        // Resolving the first one changes nothing either.
        incidents.ingest(parser.incidents(List.of(incident("i1", "2026-03-20T10:00:00Z", "2026-03-20T11:00:00Z",
                "x1")), false), "test");
        assertEquals(List.of("alpha 2026-03-02 n=2 rb=1 failed=2 lead={}"), rows());
    }

    @Test
    void anIncidentNamingADeploymentThatArrivesLaterCountsWhenItArrives() {
        incidents.ingest(parser.incidents(List.of(incident("i1", "2026-03-20T10:00:00Z", null, "late")), false),
                "test");
        assertEquals(List.of(), rows());

        ship(deploy("late", "production", "success", "2026-03-02T10:00:00Z"));

        assertEquals(List.of("alpha 2026-03-02 n=1 rb=0 failed=1 lead={}"), rows());
    }

    @Test
    void anEarlierDeploymentArrivingLaterMovesTheCommitsLeadTimeToItsDay() {
        ship(deploy("later", "production", "success", "2026-03-05T10:00:00Z", "c1", "2026-03-01T10:00:00Z"));
        assertEquals(List.of("alpha 2026-03-05 n=1 rb=0 failed=0 lead={96}"), rows());

        ship(deploy("earlier", "production", "success", "2026-03-02T10:00:00Z", "c1", "2026-03-01T10:00:00Z"));

        assertEquals(List.of("alpha 2026-03-02 n=1 rb=0 failed=0 lead={24}",
                "alpha 2026-03-05 n=1 rb=0 failed=0 lead={}"), rows());
        assertEquals(rows(), rebuilt());
    }

    @Test
    void anotherOrgZoneRebuildsTheRollUpAndReportsInOtherZonesReadTheEvents() {
        ship(deploy("z1", "production", "success", "2026-03-02T03:00:00Z", "c1", "2026-03-01T03:00:00Z"));
        assertEquals(List.of("alpha 2026-03-02 n=1 rb=0 failed=0 lead={24}"), rows());
        Period newYork = new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2),
                ZoneId.of("America/New_York"));
        // Read from the events while the roll-up is cut in Berlin: 03:00 UTC is 22:00 on the 1st in New York.
        assertEquals(1, dora.report(Optional.empty(), newYork).deployments());

        assertTrue(DeployDays.follow(jdbi, ZoneId.of("America/New_York")));
        assertFalse(DeployDays.follow(jdbi, ZoneId.of("America/New_York")));

        assertEquals(List.of("alpha 2026-03-01 n=1 rb=0 failed=0 lead={24}"), rows());
        assertEquals(dora.fromEvents(Optional.empty(), newYork), dora.report(Optional.empty(), newYork));
    }

    @Test
    void aCachedReportIsReplacedByTheNextWriteOfAnyKind() {
        Period march = new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1), BERLIN);
        ship(deploy("k1", "production", "success", "2026-03-02T10:00:00Z"));
        assertEquals(1, dora.report(Optional.empty(), march).deployments());
        assertEquals(1, dora.report(Optional.empty(), march).deployments());

        ship(deploy("k2", "production", "success", "2026-03-03T10:00:00Z"));
        assertEquals(2, dora.report(Optional.empty(), march).deployments());

        incidents.ingest(parser.incidents(List.of(incident("o1", "2026-03-04T10:00:00Z", null, "k2")), false),
                "test");
        DoraReport named = dora.report(Optional.empty(), march);
        assertEquals(1, named.failedDeployments());
        assertTrue(named.timeToRestoreHours().isEmpty());

        incidents.ingest(parser.incidents(List.of(incident("o1", "2026-03-04T10:00:00Z", "2026-03-04T13:00:00Z",
                "k2")), false), "test");
        assertEquals(3.0, dora.report(Optional.empty(), march).timeToRestoreHours().getAsDouble());
        assertEquals(dora.fromEvents(Optional.empty(), march), dora.report(Optional.empty(), march));
    }

    @Test
    void concurrentBatchesOnTheSameDaysLoseNothing() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int worker = 0; worker < 4; worker++) {
            int w = worker;
            done.add(pool.submit(() -> {
                for (int batch = 0; batch < 5; batch++) {
                    List<SentDeployment> events = new ArrayList<>();
                    for (int i = 0; i < 20; i++) {
                        String id = "p" + w + "-" + batch + "-" + i;
                        events.add(deploy(id, "production", i % 4 == 0 ? "rolled_back" : "success",
                                "2026-03-0" + (2 + i % 3) + "T1" + w + ":00:00Z", "c" + i, "2026-03-01T00:00:00Z"));
                    }
                    deployments.ingest(parser.deployments(events), "test");
                    incidents.ingest(parser.incidents(List.of(incident("i" + w + batch, "2026-03-10T00:00:00Z",
                            null, "p" + ((w + 1) % 4) + "-" + batch + "-1")), false), "test");
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        List<String> rows = rows();
        assertEquals(400L, (long) jdbi.withHandle(h -> h.createQuery("SELECT sum(deployments) FROM deploy_days")
                .mapTo(Long.class).one()));
        assertEquals(rebuilt(), rows);
    }

    @Test
    void shuffledBatchesWithReplaysAndLateIncidentsGiveTheSameReportsAsTheEvents() {
        Random random = new Random(20261123);
        String[] services = {"alpha", "beta", "gamma"};
        String[] statuses = {"success", "success", "success", "rolled_back", "failure"};
        String[] environments = {"production", "production", "prod", "staging"};
        Instant start = Instant.parse("2026-02-20T00:00:00Z");
        List<SentDeployment> events = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Instant finished = start.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 50)));
            SentDeployment sent = deploy("g" + i, environments[random.nextInt(environments.length)],
                    statuses[random.nextInt(statuses.length)], finished.toString())
                    .withService(services[random.nextInt(services.length)]);
            List<SentCommit> commits = new ArrayList<>();
            for (int c = random.nextInt(3); c > 0; c--) {
                // Few distinct commits, so many are shipped again by later (or earlier) deployments.
                int sha = random.nextInt(150);
                commits.add(new SentCommit("sha" + sha, start.plus(Duration.ofHours(sha * 8L - 48)).toString()));
            }
            events.add(new SentDeployment(sent.id(), sent.service(), sent.environment(), sent.status(),
                    sent.startedAt(), sent.finishedAt(), null, commits, null));
        }
        List<SentDeployment> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, random);
        for (int from = 0; from < shuffled.size(); from += 37) {
            deployments.ingest(parser.deployments(shuffled.subList(from, Math.min(shuffled.size(), from + 37))),
                    "test");
            if (random.nextBoolean()) {
                deployments.ingest(parser.deployments(shuffled.subList(0, Math.min(shuffled.size(), from + 37))),
                        "test");
            }
            String named = "g" + random.nextInt(450); // some name no deployment, some one that comes later
            incidents.ingest(parser.incidents(List.of(incident("n" + from, "2026-03-15T00:00:00Z",
                    "2026-03-15T0" + random.nextInt(10) + ":00:00Z", named)), false), "test");
        }

        assertEquals(rebuilt(), rows());
        List<Optional<List<String>>> scopes = List.of(Optional.empty(), Optional.of(List.of("alpha")),
                Optional.of(List.of("alpha", "beta")), Optional.of(List.of("gamma")));
        List<Period> periods = List.of(new Period(LocalDate.of(2026, 2, 20), LocalDate.of(2026, 4, 15), BERLIN),
                new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 30), BERLIN),
                new Period(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 30), BERLIN),
                new Period(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 17), BERLIN));
        for (Optional<List<String>> scope : scopes) {
            for (Period period : periods) {
                assertEquals(dora.fromEvents(scope, period), dora.report(scope, period), scope + " " + period);
            }
        }
        assertTrue(dora.report(Optional.empty(), periods.get(0)).leadTimeHours().isPresent());
    }
}
