package dev.vitals.plugins.deploys.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitals.testkit.PortalResponse;
import dev.vitals.testkit.TestCatalog;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A deployment sent alone is acknowledged (202) once it is in the inbox and applied moments later; nothing
 * acknowledged is lost, applied twice, or dropped when it cannot be applied.
 */
class DeploymentInboxTest {

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .catalog(TestCatalog.of().team("streaming").service("alpha", "streaming").service("beta", "streaming"))
            .build();

    private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");

    @BeforeEach
    void empty(VitalsPortal portal) {
        portal.pluginJdbi().useHandle(h -> h.execute("TRUNCATE deploy_days, commit_first_deploys,"
                + " deployments, deployment_inbox, incidents"));
    }

    @Test
    void aDeploymentSentAloneIsAcknowledgedThenAppliedAndAReplayOrAConflictIsAnsweredAtOnce(VitalsPortal portal) {
        PortalResponse first = portal.admin().post("/api/deploys/events", "[" + json("one", "alpha", "v1") + "]")
                .expect(202);
        assertEquals(Map.of("received", 1, "stored", 0, "unchanged", 0, "queued", 1), counts(first.json()));
        // Waiting or applied already: one of the two, never both and never neither.
        assertEquals(1, count(portal, "deployments") + count(portal, "deployment_inbox"));

        // A replay while it may still wait changes nothing; other content under its id is refused on the spot.
        assertEquals(Map.of("received", 1, "stored", 0, "unchanged", 1, "queued", 0), counts(portal.admin()
                .post("/api/deploys/events", "[" + json("one", "alpha", "v1") + "]").expect(200).json()));
        PortalResponse conflict = portal.admin().post("/api/deploys/events", "[" + json("one", "alpha", "v2") + "]");
        assertEquals(409, conflict.status(), conflict.body());

        portal.runJob("apply-waiting-deployments");
        assertEquals(0, count(portal, "deployment_inbox"));
        assertEquals(1, count(portal, "deployments"));
        JsonNode inbox = portal.viewer().get("/api/deploys/inbox").expect(200).json();
        assertEquals(0, inbox.get("waiting").asInt(), inbox.toString());
        assertEquals(0, inbox.get("refused").size(), inbox.toString());
        JsonNode dora = portal.viewer().get("/api/deploys/dora?service=alpha&from=2026-03-02&to=2026-03-03")
                .expect(200).json();
        assertEquals(1, dora.get("deployments").asInt(), dora.toString());

        // Once applied, the same answers: a replay is unchanged, other content a conflict, and nothing moves.
        portal.admin().post("/api/deploys/events", "[" + json("one", "alpha", "v1") + "]").expect(200);
        assertEquals(409, portal.admin().post("/api/deploys/events", "[" + json("one", "alpha", "v2") + "]")
                .status());
        assertEquals(0, count(portal, "deployment_inbox"));
        assertEquals(1L, sum(portal, "SELECT sum(deployments) FROM deploys.deploy_days"));
    }

    @Test
    void whatOnePortalAcknowledgedAnotherAppliesAsTheBatchWouldHaveStoredIt(VitalsPortal portal) {
        Jdbi jdbi = portal.pluginJdbi();
        DeploymentStore store = new DeploymentStore(jdbi, new EnvironmentNames(Set.of("prod")));
        List<DeploymentEvent> events = List.of(event("a-1", "alpha", "v1", AT, "prod"),
                event("a-2", "alpha", "v2", AT.plus(1, ChronoUnit.HOURS), "production"),
                event("b-1", "beta", "v1", AT.plus(2, ChronoUnit.DAYS), "staging"));
        // Accepted by one inbox, whose portal then goes away before applying; another applies it.
        assertEquals(Map.of("a-1", DeploymentInbox.Accepted.QUEUED, "a-2", DeploymentInbox.Accepted.QUEUED,
                "b-1", DeploymentInbox.Accepted.QUEUED), new DeploymentInbox(jdbi, store).accept(events, "api"));
        assertEquals(Map.of("a-1", DeploymentInbox.Accepted.UNCHANGED, "a-2", DeploymentInbox.Accepted.CONFLICT),
                new DeploymentInbox(jdbi, store).accept(List.of(events.get(0), event("a-2", "alpha", "v9", AT,
                        "prod")), "api"), "a replay and a conflict, each on its own, while they wait");
        Map<String, Instant> changed = new DeploymentInbox(jdbi, store).applyWaiting();

        assertEquals(Map.of("alpha", AT.plus(1, ChronoUnit.HOURS), "beta", AT.plus(2, ChronoUnit.DAYS)), changed);
        assertEquals(0, count(portal, "deployment_inbox"));
        List<String> applied = jdbi.withHandle(h -> h.createQuery("""
                SELECT id || ' ' || service || ' ' || environment || ' ' || status || ' ' || version || ' '
                       || source || ' ' || content FROM deployments ORDER BY id""").mapTo(String.class).list());
        assertEquals(events.stream().map(e -> e.id() + " " + e.service() + " "
                + (e.environment().equals("staging") ? "staging" : "production") + " success "
                + e.version().orElseThrow() + " api " + e.content()).toList(), applied);
        // The roll-up as a batch of the same three builds it: two production deployments of alpha on one day, each
        // with a lead time of two hours; staging counts nowhere.
        assertEquals(List.of("alpha 2026-03-02 2 0 0 {2,2}"), jdbi.withHandle(h -> h.createQuery("""
                SELECT service || ' ' || day || ' ' || deployments || ' ' || rolled_back || ' ' || failed || ' '
                       || lead_hours::text FROM deploy_days ORDER BY service, day""").mapTo(String.class).list()));
        assertEquals(Optional.of(Map.of()), Optional.of(new DeploymentInbox(jdbi, store).applyWaiting()),
                "nothing is applied twice");
    }

    @Test
    void twoAppliersAtOnceApplyEveryDeploymentExactlyOnce(VitalsPortal portal) throws Exception {
        Jdbi jdbi = portal.pluginJdbi();
        DeploymentStore store = new DeploymentStore(jdbi, new EnvironmentNames(Set.of()));
        DeploymentInbox inbox = new DeploymentInbox(jdbi, store);
        int n = 2 * DeploymentInbox.BATCH + 500;
        List<DeploymentEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(event("many-" + i, i % 2 == 0 ? "alpha" : "beta", "v1", AT.plus(i, ChronoUnit.MINUTES),
                    "production"));
        }
        inbox.accept(events, "api");
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<Map<String, Instant>>> runs = List.of(two.submit(inbox::applyWaiting),
                    two.submit(new DeploymentInbox(jdbi, store)::applyWaiting));
            for (Future<Map<String, Instant>> run : runs) {
                run.get();
            }
        } finally {
            two.shutdownNow();
        }
        assertEquals(0, count(portal, "deployment_inbox"));
        assertEquals(n, count(portal, "deployments"));
        assertEquals((long) n, sum(portal, "SELECT sum(deployments) FROM deploys.deploy_days"));
        assertEquals((long) n, sum(portal, "SELECT sum(cardinality(lead_hours)) FROM deploys.deploy_days"));
    }

    @Test
    void oneThatCannotBeAppliedStaysWithItsReasonAndTheOthersAreApplied(VitalsPortal portal) {
        Jdbi jdbi = portal.pluginJdbi();
        DeploymentStore store = new DeploymentStore(jdbi, new EnvironmentNames(Set.of()));
        DeploymentInbox inbox = new DeploymentInbox(jdbi, store);
        inbox.accept(List.of(event("raced", "alpha", "v1", AT, "production"),
                event("fine", "beta", "v1", AT, "production")), "api");
        // Another sender stored the id with other content between the check and the insert.
        store.ingest(List.of(event("raced", "alpha", "v2", AT, "production")), "api");

        inbox.applyWaiting();

        assertEquals(List.of("fine v1", "raced v2"), jdbi.withHandle(h -> h.createQuery(
                "SELECT id || ' ' || version FROM deployments ORDER BY id").mapTo(String.class).list()));
        JsonNode answer = portal.viewer().get("/api/deploys/inbox").expect(200).json();
        assertEquals(0, answer.get("waiting").asInt(), answer.toString());
        assertEquals(1, answer.get("refused").size(), answer.toString());
        JsonNode refused = answer.get("refused").get(0);
        assertEquals("raced", refused.get("id").asText());
        assertTrue(refused.get("reason").asText().contains("already stored with other content"), refused.toString());
        String page = portal.viewer().get("/p/deploys/deployments").expect(200).body();
        assertTrue(page.contains("Acknowledged, not applied") && page.contains("<code>raced</code>")
                && page.contains("already stored with other content"), page);
        // Kept, not retried: the next run leaves it as it is.
        inbox.applyWaiting();
        assertEquals(1, count(portal, "deployment_inbox"));
    }

    @Test
    void aRowNoRunCouldReadIsSetAsideInsteadOfHoldingUpTheOthers(VitalsPortal portal) {
        Jdbi jdbi = portal.pluginJdbi();
        DeploymentStore store = new DeploymentStore(jdbi, new EnvironmentNames(Set.of()));
        DeploymentInbox inbox = new DeploymentInbox(jdbi, store);
        // Written by hand, as a slip in an upgrade or a repair could leave it.
        jdbi.useHandle(h -> h.execute("INSERT INTO deployment_inbox (id, source, content, event, received_at)"
                + " VALUES ('broken', 'api', 'x', '{\"service\": ', now() - interval '1 minute')"));
        inbox.accept(List.of(event("after-it", "beta", "v1", AT, "production")), "api");

        inbox.applyWaiting();

        assertEquals(List.of("after-it"), jdbi.withHandle(h -> h.createQuery("SELECT id FROM deployments")
                .mapTo(String.class).list()));
        List<DeploymentInbox.RefusedDeployment> refused = inbox.refused(10);
        assertEquals(1, refused.size(), refused.toString());
        assertEquals("broken", refused.get(0).id());
        assertTrue(refused.get(0).reason().contains("not readable"), refused.get(0).reason());
        assertEquals(0, inbox.waiting());
    }

    private static Map<String, Integer> counts(JsonNode answer) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        answer.fields().forEachRemaining(f -> counts.put(f.getKey(), f.getValue().asInt()));
        return counts;
    }

    private static long count(VitalsPortal portal, String table) {
        return sum(portal, "SELECT count(*) FROM deploys." + table);
    }

    private static long sum(VitalsPortal portal, String sql) {
        return portal.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static String json(String id, String service, String version) {
        return """
                {"id": "%s", "service": "%s", "environment": "production", "status": "success",
                 "startedAt": "%s", "finishedAt": "%s", "version": "%s",
                 "commits": [{"sha": "%s-c", "committedAt": "%s"}]}""".formatted(id, service, AT.minusSeconds(600),
                AT, version, id, AT.minus(2, ChronoUnit.HOURS));
    }

    private static DeploymentEvent event(String id, String service, String version, Instant at, String environment) {
        return new DeploymentEvent(id, service, environment, DeploymentStatus.SUCCESS, at.minusSeconds(600), at,
                Optional.of(version), List.of(new Commit(id + "-c", at.minus(2, ChronoUnit.HOURS))),
                Optional.of("ci"));
    }
}
