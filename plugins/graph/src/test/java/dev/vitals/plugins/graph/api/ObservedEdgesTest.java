package dev.vitals.plugins.graph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.plugins.graph.answers.Drift;
import dev.vitals.plugins.graph.observed.SentObservedEdge;
import dev.vitals.testkit.TestCatalog;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Observed call edges over HTTP: who may send them, idempotence, all or nothing, and the drift report. */
class ObservedEdgesTest {

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .catalog(TestCatalog.of().team("web").team("payments").team("ops")
                    .service("pay", "payments").service("ledger", "payments")
                    .service("shop", "web", "pay", "ledger").service("cron", "ops"))
            .build();

    private static String today(VitalsPortal portal) {
        return LocalDate.ofInstant(portal.clock().instant(), ZoneOffset.UTC).toString();
    }

    private static long stored(VitalsPortal portal) {
        return portal.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM graph.observed_edges")
                .mapTo(Long.class).one());
    }

    @Test
    void aTeamReportsItsServicesCallsAndReplayingTheBatchStoresNothingNew(VitalsPortal portal) {
        List<SentObservedEdge> batch = List.of(
                new SentObservedEdge("shop", "component:pay", 100L, 2L, today(portal)),
                new SentObservedEdge("component:shop", "component:cron", 5L, 0L, today(portal)));

        portal.editorOf("web").post("/api/graph/observed", batch).expect(200);
        long once = stored(portal);
        portal.editorOf("web").post("/api/graph/observed", batch).expect(200);

        assertEquals(once, stored(portal));
        assertTrue(portal.jdbi().withHandle(h -> h.createQuery(
                "SELECT calls FROM graph.observed_edges WHERE from_ref = 'component:default/shop' "
                        + "AND to_ref = 'component:default/pay'").mapTo(Long.class).one()) == 100L);
    }

    @Test
    void anotherTeamsEditorCannotReportTheServicesCallsAndNothingOfTheBatchIsStored(VitalsPortal portal) {
        long before = stored(portal);

        var refused = portal.editorOf("payments").post("/api/graph/observed", List.of(
                new SentObservedEdge("pay", "ledger", 1L, 0L, today(portal)),
                new SentObservedEdge("shop", "pay", 1L, 0L, "2020-01-01")));

        assertEquals(403, refused.status());
        assertTrue(refused.body().contains("component:default/shop"), refused.body());
        assertEquals(before, stored(portal));
    }

    @Test
    void oneBadItemRefusesTheBatchNamingEachBadField(VitalsPortal portal) {
        long before = stored(portal);

        var refused = portal.admin().post("/api/graph/observed", List.of(
                new SentObservedEdge("shop", "pay", 1L, 0L, today(portal)),
                new SentObservedEdge("shop", "pay", 1L, 5L, "yesterday")));

        assertEquals(422, refused.status());
        assertTrue(refused.body().contains("[1].day"), refused.body());
        assertTrue(refused.body().contains("[1].errors"), refused.body());
        assertEquals(before, stored(portal));
    }

    @Test
    void anOverlongReferenceIsRefusedNamingTheFieldAndNothingIsStored(VitalsPortal portal) {
        long before = stored(portal);

        var refused = portal.admin().post("/api/graph/observed", List.of(
                new SentObservedEdge("shop", "x".repeat(201), 1L, 0L, today(portal))));

        assertEquals(422, refused.status());
        assertTrue(refused.body().contains("[0].to"), refused.body());
        assertTrue(refused.body().contains("at most 200 characters, got 201"), refused.body());
        assertEquals(before, stored(portal));
    }

        @Test
    void aTokenNeedsTheIngestScope(VitalsPortal portal) {
        List<SentObservedEdge> batch = List.of(new SentObservedEdge("cron", "pay", 3L, 0L, today(portal)));

        assertEquals(403, portal.withToken("reader", Optional.of("ops"), List.of("graph:read"))
                .post("/api/graph/observed", batch).status());
        portal.withToken("tracing", Optional.of("ops"), List.of("graph:ingest"))
                .post("/api/graph/observed", batch).expect(200);
    }

    @Test
    void theDriftReportListsDeclaredEdgesNeverCalledAndCallsNeverDeclared(VitalsPortal portal) {
        portal.admin().post("/api/graph/observed", List.of(
                new SentObservedEdge("shop", "pay", 10L, 0L, today(portal)),
                new SentObservedEdge("shop", "cron", 1L, 0L, today(portal)))).expect(200);
        GraphStatus.awaitFresh(portal, status -> status.observedEdges() >= 2);

        DriftJson drift = portal.viewer().get("/api/graph/drift").expect(200).as(DriftJson.class);

        assertEquals(List.of(new Drift.DeclaredEdge("component:default/shop", "dependsOn",
                "component:default/ledger")), drift.declaredNeverObserved());
        assertTrue(drift.observedNeverDeclared().stream().anyMatch(o -> o.from().equals("component:default/shop")
                && o.to().equals("component:default/cron")), drift.toString());
        assertTrue(drift.observedNeverDeclared().stream().noneMatch(o -> o.from().equals("component:default/shop")
                && o.to().equals("component:default/pay")), drift.toString());
    }
}
