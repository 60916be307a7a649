package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.api.Signal;
import dev.vitals.api.SignalStatus;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.plugins.slo.SloPlugin;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SLO plugin over HTTP in a whole portal with the demo organisation and its demo SLOs. */
class SloHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestPlugins.of().with("slo", SloPlugin::new).source(), Map.of("VITALS_DEMO", "true"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static List<String> fields(HttpResponse<String> response) throws Exception {
        assertEquals(422, response.statusCode(), response.body());
        return json(response).get("errors").findValuesAsText("field");
    }

    @Test
    void anSloIsCreatedReadListedAndEditedAndItsOwnerMustBeInTheCatalog() throws Exception {
        HttpResponse<String> created = server.asAdmin("POST", "/api/slo/slos", """
                {"name": "billing-availability", "service": "billing-api", "objective": 0.999, "window": "30d",
                 "method": "occurrences"}""");
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("payments", json(created).get("team").asText());
        assertTrue(created.body().contains("\"objective\":0.999,"), "exactly as sent: " + created.body());
        assertTrue(server.get("/api/slo/slos/billing-availability").body().contains("\"objective\":0.999,"));
        assertEquals(409, server.asAdmin("POST", "/api/slo/slos", """
                {"name": "billing-availability", "service": "billing-api", "objective": 0.99, "window": "7d"}""")
                .statusCode());

        HttpResponse<String> edited = server.asAdmin("PUT", "/api/slo/slos/billing-availability", """
                {"component": "public-api", "objective": 0.99, "window": "quarter", "method": "timeslices",
                 "sliceThreshold": 250}""");
        assertEquals(200, edited.statusCode(), edited.body());
        JsonNode one = json(server.get("/api/slo/slos/billing-availability"));
        assertEquals("public-api", one.get("component").asText());
        assertEquals("quarter", one.get("window").asText());
        assertEquals(250, one.get("sliceThreshold").asDouble());
        assertTrue(one.toString().contains("\"sliceThreshold\":250,"), "a whole number, as sent: " + one);

        JsonNode page = json(server.get("/api/slo/slos?size=2&page=1"));
        assertEquals(2, page.get("items").size());
        assertTrue(page.get("total").asLong() >= 9, page.toString());
        assertEquals(404, server.get("/api/slo/slos/nothing-here").statusCode());
    }

    @Test
    void anInvalidSloIsRefusedNamingEveryField() throws Exception {
        assertEquals(List.of("name", "service", "objective", "window", "method"), fields(server.asAdmin("POST",
                "/api/slo/slos", """
                {"name": "Bad Name", "service": "no-such-service", "objective": 1.5, "window": "5d",
                 "method": "sometimes"}""")));
        assertEquals(List.of("service"), fields(server.asAdmin("POST", "/api/slo/slos",
                "{\"name\": \"x\", \"objective\": 0.9, \"window\": \"7d\"}")));
        assertEquals(List.of("component"), fields(server.asAdmin("POST", "/api/slo/slos",
                "{\"name\": \"x\", \"component\": \"atlantis\", \"objective\": 0.9, \"window\": \"7d\"}")));
        assertEquals(List.of("sliceThreshold"), fields(server.asAdmin("POST", "/api/slo/slos",
                "{\"name\": \"x\", \"service\": \"web-app\", \"objective\": 0.9, \"window\": \"7d\", "
                        + "\"method\": \"timeslices\"}")));
    }

    @Test
    void samplesAreIdempotentAllOrNothingAndShowInTheStatus() throws Exception {
        assertEquals(201, server.asAdmin("POST", "/api/slo/slos", """
                {"name": "search-availability", "service": "search-api", "objective": 0.99, "window": "7d"}""")
                .statusCode());
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(10, ChronoUnit.MINUTES);
        String batch = "[{\"slo\": \"search-availability\", \"minute\": \"" + minute + "\", \"good\": 991, "
                + "\"total\": 1000}, {\"slo\": \"search-availability\", \"minute\": \"" + minute.plusSeconds(60)
                + "\", \"good\": 1000, \"total\": 1000}]";
        HttpResponse<String> first = server.asAdmin("POST", "/api/slo/samples", batch);
        assertEquals(200, first.statusCode(), first.body());
        assertEquals(2, json(first).get("added").asInt());
        assertEquals(0, json(server.asAdmin("POST", "/api/slo/samples", batch)).get("added").asInt());

        HttpResponse<String> conflict = server.asAdmin("POST", "/api/slo/samples", "[{\"slo\": \"search-availability\", "
                + "\"minute\": \"" + minute.plusSeconds(120) + "\", \"good\": 1, \"total\": 1}, {\"slo\": "
                + "\"search-availability\", \"minute\": \"" + minute + "\", \"good\": 990, \"total\": 1000}]");
        assertEquals(409, conflict.statusCode(), conflict.body());
        assertEquals(List.of("[1].good", "[2].minute", "[3].slo"), fields(server.asAdmin("POST", "/api/slo/samples",
                "[{\"slo\": \"search-availability\", \"minute\": \"" + minute.plusSeconds(180) + "\", \"good\": 1, "
                        + "\"total\": 1}, {\"slo\": \"search-availability\", \"minute\": \"" + minute.plusSeconds(240)
                        + "\", \"good\": 2, \"total\": 1}, {\"slo\": \"search-availability\", \"minute\": \""
                        + minute.plus(1, ChronoUnit.HOURS) + "\", \"good\": 1, \"total\": 1}, {\"slo\": \"nope\", "
                        + "\"minute\": \"" + minute + "\", \"good\": 1, \"total\": 1}]")));

        JsonNode status = json(server.get("/api/slo/slos/search-availability/status?at="
                + minute.plus(5, ChronoUnit.MINUTES)));
        // Only the first batch counts: 1991 of 2000, so the refused batches wrote nothing.
        assertEquals(0.9955, status.get("attainment").asDouble(), 1e-12);
        assertEquals(0.45, status.get("errorBudget").get("consumed").asDouble(), 1e-9);
        assertEquals(0.45, status.get("burnRates").get("5m").asDouble(), 1e-9);
        assertEquals(4, status.get("alerts").size());
        assertEquals("page", status.get("alerts").get(0).get("severity").asText());
        assertFalse(status.get("alerts").get(0).get("firing").asBoolean());
        JsonNode empty = json(server.get("/api/slo/slos/search-availability/status?at=2020-01-01T00:00:00Z"));
        assertTrue(empty.get("attainment").isNull());
        assertTrue(empty.get("burnRates").get("1h").isNull());
        assertEquals(400, server.get("/api/slo/slos/search-availability/status?at=yesterday").statusCode());
    }

    @Test
    void aTokenNeedsTheWriteScopeToSendSamples() throws Exception {
        JsonNode reader = json(server.asAdmin("POST", "/api/admin/tokens",
                "{\"name\": \"slo-reader\", \"scopes\": [\"slo:read\"]}"));
        JsonNode writer = json(server.asAdmin("POST", "/api/admin/tokens",
                "{\"name\": \"slo-writer\", \"scopes\": [\"slo:write\"]}"));
        assertEquals(403, withToken(reader, "POST", "/api/slo/samples", "[]").statusCode());
        assertEquals(200, withToken(reader, "GET", "/api/slo/slos", "").statusCode());
        HttpResponse<String> written = withToken(writer, "POST", "/api/slo/samples", "[]");
        assertEquals(200, written.statusCode(), written.body());
    }

    private static HttpResponse<String> withToken(JsonNode token, String method, String path, String body) {
        return server.send(HttpRequest.newBuilder(server.uri(path))
                .header("Authorization", "Bearer " + token.get("token").asText())
                .header("Content-Type", "application/json")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void demoDataPublishesTheBudgetPolicyForServicesAndComponents() {
        List<Signal> recorder = server.vitals().signals().latestFor("component:default/auth-service");
        assertEquals(1, recorder.size(), recorder.toString());
        assertEquals("error-budget", recorder.get(0).kind());
        // Two days of slow burn at 5× leaves under a quarter of the budget or fires a ticket alert.
        assertEquals(SignalStatus.WARN, recorder.get(0).status(), recorder.get(0).summary());
        List<Signal> signIn = server.vitals().signals().latestFor("availabilitycomponent:default/sign-in");
        assertEquals(1, signIn.size());
        assertEquals(SignalStatus.WARN, signIn.get(0).status(), "rolled up from auth-service's SLO");
        List<Signal> gateway = server.vitals().signals().latestFor("component:default/public-api-gateway");
        assertEquals(SignalStatus.OK, gateway.get(0).status(), gateway.get(0).summary());
    }

    @Test
    void aComponentWithoutSlosOfItsOwnIsRolledUpFromItsServicesSlos() {
        assertTrue(server.vitals().signals().latestFor("availabilitycomponent:default/processing").isEmpty(),
                "no SLO counts towards processing in the demo");
        assertEquals(201, server.asAdmin("POST", "/api/slo/slos", """
                {"name": "transcoder-jobs", "service": "transcoder", "objective": 0.99, "window": "7d"}""")
                .statusCode());
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(10, ChronoUnit.MINUTES);
        HttpResponse<String> sent = server.asAdmin("POST", "/api/slo/samples", "[{\"slo\": \"transcoder-jobs\", "
                + "\"minute\": \"" + minute + "\", \"good\": 50, \"total\": 100}]");
        assertEquals(200, sent.statusCode(), sent.body());

        // The budgets follow ingest on a background thread; until then the new SLO's verdict is "no data".
        Predicate<List<Signal>> withData = found -> !found.isEmpty() && found.get(0).status() != SignalStatus.UNKNOWN;
        List<Signal> processing = server.awaitSignals("availabilitycomponent:default/processing", withData);
        List<Signal> transcoder = server.awaitSignals("component:default/transcoder", withData);
        assertEquals(1, processing.size(), "rolled up from transcoder's SLO alone");
        assertEquals(transcoder.get(0).status(), processing.get(0).status());
        assertEquals(SignalStatus.CRITICAL, processing.get(0).status(), processing.get(0).summary());
    }

    @Test
    void aProgramsReviewListsItsComponentsAndCoversTheirSlos() {
        String review = server.getPage("/p/slo/review?program=availability").body();
        assertTrue(review.contains("Availability components of availability"), review);
        for (String component : List.of("web-recording", "playback", "public-api", "processing", "sign-in")) {
            assertTrue(review.contains("href=\"/p/slo/components/" + component + "\""), component);
        }
        assertTrue(review.contains("playback-starts") && review.contains("web-recording-journey"),
                "the components' own SLOs are in the program's review");
        assertTrue(server.getPage("/p/slo/review?program=cost-optimization").body()
                .contains("has no availability component in scope"));
    }

    @Test
    void aSignedInBrowsersSloFormCarriesItsFormTokenAndIsRefusedWithoutIt() {
        HttpResponse<String> signIn = server.send(HttpRequest.newBuilder(server.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "http://localhost:" + server.uri("/").getPort())
                .POST(HttpRequest.BodyPublishers.ofString("token=" + TestServer.ADMIN_TOKEN + "&next=/")));
        String cookie = DevSignInTest.session(signIn);
        String form = server.send(HttpRequest.newBuilder(server.uri("/p/slo/new")).header("Cookie", cookie)
                .header("Accept", "text/html")).body();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertTrue(token.find(), form);
        String fields = "name=session-made&service=web-app&objective=99&window=7d&method=occurrences";

        HttpResponse<String> forged = server.send(HttpRequest.newBuilder(server.uri("/p/slo/new"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields)));
        assertEquals(403, forged.statusCode(), "no Origin and no form token: " + forged.body());
        assertEquals(404, server.get("/api/slo/slos/session-made").statusCode());

        HttpResponse<String> sent = server.send(HttpRequest.newBuilder(server.uri("/p/slo/new"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields + "&_csrf=" + token.group(1))));
        assertEquals(303, sent.statusCode(), sent.body());
        assertEquals(200, server.get("/api/slo/slos/session-made").statusCode());
    }

    @Test
    void prometheusQueriesAreCheckedStoredAndShownWithTheirPullState() throws Exception {
        assertEquals(List.of("prometheus.total", "prometheus.value"), fields(server.asAdmin("POST", "/api/slo/slos", """
                {"name": "pulled", "service": "web-app", "objective": 0.99, "window": "7d",
                 "prometheus": {"good": "sum(increase(ok[1m]))", "value": "x"}}""")));
        assertEquals(List.of("prometheus.value", "prometheus.good"), fields(server.asAdmin("POST", "/api/slo/slos", """
                {"name": "pulled", "service": "web-app", "objective": 0.99, "window": "7d", "method": "timeslices",
                 "sliceThreshold": 300, "prometheus": {"good": "g", "total": "t"}}""")));
        HttpResponse<String> created = server.asAdmin("POST", "/api/slo/slos", """
                {"name": "pulled", "service": "web-app", "objective": 0.99, "window": "7d",
                 "prometheus": {"good": "sum(increase(http_requests_total{code!~\\"5..\\"}[1m]))",
                                "total": "sum(increase(http_requests_total[1m]))"}}""");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode stored = json(server.get("/api/slo/slos/pulled"));
        assertEquals("sum(increase(http_requests_total{code!~\"5..\"}[1m]))",
                stored.get("prometheus").get("good").asText());

        String detail = server.getPage("/p/slo/slos/pulled").body();
        assertTrue(detail.contains("Minute data from Prometheus") && detail.contains("sum(increase(http_requests_total[1m]))"),
                detail);
        assertTrue(detail.contains("the portal has no Prometheus address (VITALS_SLO_PROMETHEUS_URL)"), detail);
        // What the pull job records (PrometheusPullTest drives it against a real-format server) shows on the page.
        server.vitals().database().jdbi().useHandle(h -> h.execute("""
                INSERT INTO slo.prometheus_pulls (slo, pulled_until, attempted_at, succeeded, message)
                VALUES ('pulled', '2026-11-01T11:59:00Z', '2026-11-01T12:00:30Z', false,
                        'Prometheus refused the query (HTTP 400, bad_data): parse error')"""));
        String failed = server.getPage("/p/slo/slos/pulled").body();
        assertTrue(failed.contains("FAILED</span> 2026-11-01T12:00:30Z: Prometheus refused the query (HTTP 400, "
                + "bad_data): parse error") && failed.contains("minutes from 2026-11-01T11:59:00Z on are asked for "
                + "again"), failed);
        String edit = server.getPage("/p/slo/slos/pulled/edit").body();
        assertTrue(edit.contains("value=\"sum(increase(http_requests_total[1m]))\""), edit);
    }

    @Test
    void thePagesShowTheDemoSlos() {
        HttpResponse<String> overview = server.getPage("/p/slo/");
        assertEquals(200, overview.statusCode());
        assertTrue(overview.body().contains("recorder-api-availability"), overview.body());
        assertTrue(overview.body().contains("figures as of "), "says when the stored statuses were computed");
        assertTrue(server.getPage("/p/slo/?component=sign-in").body().contains("auth-service-sign-in"));
        assertFalse(server.getPage("/p/slo/?team=playback").body().contains("auth-service-sign-in"));
        HttpResponse<String> detail = server.getPage("/p/slo/slos/recorder-api-availability?range=7d");
        assertEquals(200, detail.statusCode());
        assertTrue(detail.body().contains("<polyline"), "draws the burn-down chart");
        assertTrue(detail.body().contains("ticket"));
        String slowBurn = server.getPage("/p/slo/slos/auth-service-sign-in").body();
        assertTrue(slowBurn.contains("Alert history") && slowBurn.contains("<strong>firing</strong>"),
                "the slow burn's ticket alert is in the history while it fires");
        assertTrue(server.getPage("/services/stream-edge?tab=slo.slos").body().contains("stream-edge-latency"));
        String component = server.getPage("/p/slo/components/sign-in").body();
        assertTrue(component.contains("auth-service-sign-in") && component.contains("sign-in-journey"), component);
        assertEquals(404, server.getPage("/p/slo/components/atlantis").statusCode());
        assertEquals(404, server.getPage("/p/slo/slos/nothing-here").statusCode());
        String review = server.getPage("/p/slo/review?component=web-recording").body();
        assertTrue(review.contains("recorder-api-availability") && review.contains("Download as CSV"), review);
        HttpResponse<String> csv = server.get("/api/slo/review.csv?program=availability");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.body().startsWith("slo,owner,team,objective,month,attainment,compliance,budget_used,alerts_fired\n"));
    }

    @Test
    void anOpenSloFileImportsWholeAndAnSloExportsAsOpenSlo() throws Exception {
        HttpResponse<String> imported = server.asAdmin("POST", "/api/slo/import", """
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
                """);
        assertEquals(200, imported.statusCode(), imported.body());
        JsonNode slo = json(server.get("/api/slo/slos/web-app-availability"));
        assertEquals("month", slo.get("window").asText());
        assertEquals(0.998, slo.get("objective").asDouble());

        HttpResponse<String> refused = server.asAdmin("POST", "/api/slo/import",
                "apiVersion: openslo/v1\nkind: SLO\nmetadata: {name: a}\nspec: {service: atlantis, "
                        + "timeWindow: [{duration: 30d}], budgetingMethod: Occurrences, objectives: [{target: 0.9}]}\n");
        assertEquals(List.of("[0].spec.service"), fields(refused));
        assertEquals(404, server.get("/api/slo/slos/a").statusCode(), "a refused file stores nothing");

        HttpResponse<String> exported = server.get("/api/slo/slos/stream-edge-latency/openslo");
        assertEquals(200, exported.statusCode());
        assertTrue(exported.body().contains("budgetingMethod: Timeslices"), exported.body());
        assertEquals(200, server.asAdmin("POST", "/api/slo/import", exported.body()).statusCode());
    }
}
