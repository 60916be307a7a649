package dev.vitals.plugins.slo.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitals.api.EntityRef;
import dev.vitals.api.RouteDoc;
import dev.vitals.api.Signal;
import dev.vitals.api.SignalFilter;
import dev.vitals.api.SignalStatus;
import dev.vitals.testkit.PortalClient;
import dev.vitals.testkit.PortalResponse;
import dev.vitals.testkit.RouteDocs;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SLO plugin's API in a real portal with the demo organisation and the plugin's demo SLOs, called as an admin, a
 * viewer and API tokens call it.
 */
class SloApiTest {

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .environment("VITALS_DEMO", "true")
            .build();

    private static List<String> fields(PortalResponse response) {
        return response.expect(422).json().get("errors").findValuesAsText("field");
    }

    private static List<Signal> latestAbout(VitalsPortal portal, String subject) {
        return portal.latestSignals(SignalFilter.about(EntityRef.parse(subject)));
    }

    @Test
    void anSloIsCreatedReadListedAndEditedAndItsOwnerMustBeInTheCatalog(VitalsPortal portal) {
        PortalClient admin = portal.admin();
        PortalResponse created = admin.post("/api/slo/slos", """
                {"name": "billing-availability", "service": "billing-api", "objective": 0.999, "window": "30d",
                 "method": "occurrences"}""").expect(201);
        assertEquals("payments", created.json().get("team").asText());
        assertTrue(created.body().contains("\"objective\":0.999,"), "exactly as sent: " + created.body());
        assertTrue(portal.viewer().get("/api/slo/slos/billing-availability").body()
                .contains("\"objective\":0.999,"));
        admin.post("/api/slo/slos", """
                {"name": "billing-availability", "service": "billing-api", "objective": 0.99, "window": "7d"}""")
                .expect(409);

        admin.put("/api/slo/slos/billing-availability", """
                {"component": "public-api", "objective": 0.99, "window": "quarter", "method": "timeslices",
                 "sliceThreshold": 250}""").expect(200);
        JsonNode one = portal.viewer().get("/api/slo/slos/billing-availability").expect(200).json();
        assertEquals("public-api", one.get("component").asText());
        assertEquals("quarter", one.get("window").asText());
        assertEquals(250, one.get("sliceThreshold").asDouble());
        assertTrue(one.toString().contains("\"sliceThreshold\":250,"), "a whole number, as sent: " + one);

        JsonNode page = portal.viewer().get("/api/slo/slos?size=2&page=1").expect(200).json();
        assertEquals(2, page.get("items").size());
        assertTrue(page.get("total").asLong() >= 9, page.toString());
        portal.viewer().get("/api/slo/slos/nothing-here").expect(404);
    }

    @Test
    void everyRouteIsDescribedAndItsExampleReadsAsTheRouteReadsItsBody(VitalsPortal portal) {
        assertEquals(List.of(), RouteDocs.faults(portal.apiRoutes(), portal.webhooks(), Set.of()));
    }

    @Test
    void theExamplesOfTheApiDescriptionAreTakenAsTheyStand(VitalsPortal portal) {
        PortalClient admin = portal.admin();
        admin.post("/api/slo/slos", example(SloApi.CREATE)).expect(201);
        admin.put("/api/slo/slos/playback-segment-latency", example(SloApi.REPLACE)).expect(201);
        JsonNode imported = admin.post("/api/slo/import", example(ImportApi.IMPORT)).expect(200).json();
        assertEquals("search-api-availability", imported.get("imported").get(0).get("name").asText());
    }

    private static String example(RouteDoc doc) {
        return doc.request().flatMap(RouteDoc.Body::example).orElseThrow();
    }

    @Test
    void anInvalidSloIsRefusedNamingEveryField(VitalsPortal portal) {
        PortalClient admin = portal.admin();
        assertEquals(List.of("name", "service", "objective", "window", "method"), fields(admin.post("/api/slo/slos",
                """
                {"name": "Bad Name", "service": "no-such-service", "objective": 1.5, "window": "5d",
                 "method": "sometimes"}""")));
        assertEquals(List.of("service"), fields(admin.post("/api/slo/slos",
                "{\"name\": \"x\", \"objective\": 0.9, \"window\": \"7d\"}")));
        assertEquals(List.of("component"), fields(admin.post("/api/slo/slos",
                "{\"name\": \"x\", \"component\": \"atlantis\", \"objective\": 0.9, \"window\": \"7d\"}")));
        assertEquals(List.of("sliceThreshold"), fields(admin.post("/api/slo/slos",
                "{\"name\": \"x\", \"service\": \"web-app\", \"objective\": 0.9, \"window\": \"7d\", "
                        + "\"method\": \"timeslices\"}")));
    }

    @Test
    void samplesAreIdempotentAllOrNothingAndShowInTheStatus(VitalsPortal portal) {
        PortalClient admin = portal.admin();
        admin.post("/api/slo/slos", """
                {"name": "search-availability", "service": "search-api", "objective": 0.99, "window": "7d"}""")
                .expect(201);
        Instant minute = portal.clock().instant().truncatedTo(ChronoUnit.MINUTES).minus(10, ChronoUnit.MINUTES);
        String batch = "[{\"slo\": \"search-availability\", \"minute\": \"" + minute + "\", \"good\": 991, "
                + "\"total\": 1000}, {\"slo\": \"search-availability\", \"minute\": \"" + minute.plusSeconds(60)
                + "\", \"good\": 1000, \"total\": 1000}]";
        assertEquals(2, admin.post("/api/slo/samples", batch).expect(200).json().get("added").asInt());
        assertEquals(0, admin.post("/api/slo/samples", batch).expect(200).json().get("added").asInt());

        admin.post("/api/slo/samples", "[{\"slo\": \"search-availability\", \"minute\": \"" + minute.plusSeconds(120)
                + "\", \"good\": 1, \"total\": 1}, {\"slo\": \"search-availability\", \"minute\": \"" + minute
                + "\", \"good\": 990, \"total\": 1000}]").expect(409);
        assertEquals(List.of("[1].good", "[2].minute", "[3].slo"), fields(admin.post("/api/slo/samples",
                "[{\"slo\": \"search-availability\", \"minute\": \"" + minute.plusSeconds(180) + "\", \"good\": 1, "
                        + "\"total\": 1}, {\"slo\": \"search-availability\", \"minute\": \"" + minute.plusSeconds(240)
                        + "\", \"good\": 2, \"total\": 1}, {\"slo\": \"search-availability\", \"minute\": \""
                        + minute.plus(1, ChronoUnit.HOURS) + "\", \"good\": 1, \"total\": 1}, {\"slo\": \"nope\", "
                        + "\"minute\": \"" + minute + "\", \"good\": 1, \"total\": 1}]")));

        JsonNode status = portal.viewer().get("/api/slo/slos/search-availability/status?at="
                + minute.plus(5, ChronoUnit.MINUTES)).expect(200).json();
        // Only the first batch counts: 1991 of 2000, so the refused batches wrote nothing.
        assertEquals(0.9955, status.get("attainment").asDouble(), 1e-12);
        assertEquals(0.45, status.get("errorBudget").get("consumed").asDouble(), 1e-9);
        assertEquals(0.45, status.get("burnRates").get("5m").asDouble(), 1e-9);
        assertEquals(4, status.get("alerts").size());
        assertEquals("page", status.get("alerts").get(0).get("severity").asText());
        assertFalse(status.get("alerts").get(0).get("firing").asBoolean());
        JsonNode empty = portal.viewer().get("/api/slo/slos/search-availability/status?at=2020-01-01T00:00:00Z")
                .expect(200).json();
        assertTrue(empty.get("attainment").isNull());
        assertTrue(empty.get("burnRates").get("1h").isNull());
        portal.viewer().get("/api/slo/slos/search-availability/status?at=yesterday").expect(400);
    }

    @Test
    void aTokenNeedsTheWriteScopeToSendSamples(VitalsPortal portal) {
        PortalClient reader = portal.withToken("slo-reader", Optional.empty(), List.of("slo:read"));
        PortalClient writer = portal.withToken("slo-writer", Optional.empty(), List.of("slo:write"));
        reader.post("/api/slo/samples", "[]").expect(403);
        reader.get("/api/slo/slos").expect(200);
        writer.post("/api/slo/samples", "[]").expect(200);
    }

    @Test
    void demoDataPublishesTheBudgetPolicyForServicesAndComponents(VitalsPortal portal) {
        List<Signal> recorder = latestAbout(portal, "component:default/auth-service");
        assertEquals(1, recorder.size(), recorder.toString());
        assertEquals("error-budget", recorder.get(0).kind());
        // Two days of slow burn at 5× leaves under a quarter of the budget or fires a ticket alert.
        assertEquals(SignalStatus.WARN, recorder.get(0).status(), recorder.get(0).summary());
        List<Signal> signIn = latestAbout(portal, "availabilitycomponent:default/sign-in");
        assertEquals(1, signIn.size());
        assertEquals(SignalStatus.WARN, signIn.get(0).status(), "rolled up from auth-service's SLO");
        List<Signal> gateway = latestAbout(portal, "component:default/public-api-gateway");
        assertEquals(SignalStatus.OK, gateway.get(0).status(), gateway.get(0).summary());
    }

    @Test
    void aComponentWithoutSlosOfItsOwnIsRolledUpFromItsServicesSlos(VitalsPortal portal) {
        assertTrue(latestAbout(portal, "availabilitycomponent:default/processing").isEmpty(),
                "no SLO counts towards processing in the demo");
        portal.admin().post("/api/slo/slos", """
                {"name": "transcoder-jobs", "service": "transcoder", "objective": 0.99, "window": "7d"}""")
                .expect(201);
        Instant minute = portal.clock().instant().truncatedTo(ChronoUnit.MINUTES).minus(10, ChronoUnit.MINUTES);
        portal.admin().post("/api/slo/samples", "[{\"slo\": \"transcoder-jobs\", \"minute\": \"" + minute
                + "\", \"good\": 50, \"total\": 100}]").expect(200);

        // The budgets follow ingest on a background thread; until then the new SLO's verdict is "no data".
        Predicate<List<Signal>> withData = found -> !found.isEmpty() && found.get(0).status() != SignalStatus.UNKNOWN;
        List<Signal> processing = portal.awaitSignals(
                SignalFilter.about(EntityRef.parse("availabilitycomponent:default/processing")), withData);
        List<Signal> transcoder = portal.awaitSignals(
                SignalFilter.about(EntityRef.parse("component:default/transcoder")), withData);
        assertEquals(1, processing.size(), "rolled up from transcoder's SLO alone");
        assertEquals(transcoder.get(0).status(), processing.get(0).status());
        assertEquals(SignalStatus.CRITICAL, processing.get(0).status(), processing.get(0).summary());
    }

    @Test
    void prometheusQueriesAreCheckedStoredAndShownWithTheirPullState(VitalsPortal portal) {
        PortalClient admin = portal.admin();
        assertEquals(List.of("prometheus.total", "prometheus.value"), fields(admin.post("/api/slo/slos", """
                {"name": "pulled", "service": "web-app", "objective": 0.99, "window": "7d",
                 "prometheus": {"good": "sum(increase(ok[1m]))", "value": "x"}}""")));
        assertEquals(List.of("prometheus.value", "prometheus.good"), fields(admin.post("/api/slo/slos", """
                {"name": "pulled", "service": "web-app", "objective": 0.99, "window": "7d", "method": "timeslices",
                 "sliceThreshold": 300, "prometheus": {"good": "g", "total": "t"}}""")));
        admin.post("/api/slo/slos", """
                {"name": "pulled", "service": "web-app", "objective": 0.99, "window": "7d",
                 "prometheus": {"good": "sum(increase(http_requests_total{code!~\\"5..\\"}[1m]))",
                                "total": "sum(increase(http_requests_total[1m]))"}}""").expect(201);
        JsonNode stored = portal.viewer().get("/api/slo/slos/pulled").expect(200).json();
        assertEquals("sum(increase(http_requests_total{code!~\"5..\"}[1m]))",
                stored.get("prometheus").get("good").asText());

        String detail = admin.page("/p/slo/slos/pulled").expect(200).body();
        assertTrue(detail.contains("Minute data from Prometheus")
                && detail.contains("sum(increase(http_requests_total[1m]))"), detail);
        assertTrue(detail.contains("the portal has no Prometheus address (VITALS_SLO_PROMETHEUS_URL)"), detail);
        // What the pull job records (PrometheusPullTest drives it against a real-format server) shows on the page.
        portal.jdbi().useHandle(h -> h.execute("""
                INSERT INTO slo.prometheus_pulls (slo, pulled_until, attempted_at, succeeded, message)
                VALUES ('pulled', '2026-11-01T11:59:00Z', '2026-11-01T12:00:30Z', false,
                        'Prometheus refused the query (HTTP 400, bad_data): parse error')"""));
        String failed = admin.page("/p/slo/slos/pulled").expect(200).body();
        assertTrue(failed.contains("Critical</span> failed <time datetime=\"2026-11-01T12:00:30Z\">1 Nov 2026, 12:00 UTC"
                + "</time>: Prometheus refused the query (HTTP 400, bad_data): parse error")
                && failed.contains("minutes from <time datetime=\"2026-11-01T11:59:00Z\">1 Nov 2026, 11:59 UTC</time> on "
                + "are asked for again"), failed);
        String edit = admin.page("/p/slo/slos/pulled/edit").expect(200).body();
        assertTrue(edit.contains("value=\"sum(increase(http_requests_total[1m]))\""), edit);
    }

    @Test
    void anOpenSloFileImportsWholeAndAnSloExportsAsOpenSlo(VitalsPortal portal) {
        PortalClient admin = portal.admin();
        admin.post("/api/slo/import", """
                apiVersion: openslo/v1
                kind: SLO
                metadata:
                  name: web-app-availability
                spec:
                  service: web-app
                  indicator:
                    spec:
                      ratioMetric:
                        good: {metricSource: {type: Prometheus, spec: {query: good}}}
                        total: {metricSource: {type: Prometheus, spec: {query: total}}}
                  timeWindow: [{duration: 1M, isRolling: false}]
                  budgetingMethod: Occurrences
                  objectives: [{target: 0.998}]
                """).expect(200);
        JsonNode slo = portal.viewer().get("/api/slo/slos/web-app-availability").expect(200).json();
        assertEquals("month", slo.get("window").asText());
        assertEquals(0.998, slo.get("objective").asDouble());

        PortalResponse refused = admin.post("/api/slo/import",
                "apiVersion: openslo/v1\nkind: SLO\nmetadata: {name: a}\nspec: {service: atlantis, "
                        + "timeWindow: [{duration: 30d}], budgetingMethod: Occurrences, objectives: [{target: 0.9}]}\n");
        assertEquals(List.of("[0].spec.service"), fields(refused));
        assertEquals(404, portal.viewer().get("/api/slo/slos/a").status(), "a refused file stores nothing");

        PortalResponse exported = portal.viewer().get("/api/slo/slos/stream-edge-latency/openslo").expect(200);
        assertTrue(exported.body().contains("budgetingMethod: Timeslices"), exported.body());
        admin.post("/api/slo/import", exported.body()).expect(200);
    }
}
