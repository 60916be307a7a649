package dev.vitals.plugins.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitals.core.Json;
import dev.vitals.plugins.slo.objectives.BudgetingMethod;
import dev.vitals.plugins.slo.objectives.Slo;
import dev.vitals.plugins.slo.objectives.SloWindow;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The running plugin's pages, service tab and API over HTTP: every page renders, every address on it is the one the
 * host's URL builders give, and the API answers its records.
 */
class PagesAndApiTest {

    private static SloTestPortal plugin;
    private static SloHttp http;

    @BeforeAll
    static void start() {
        plugin = SloTestPortal.start(Map.of());
        http = SloHttp.serve(plugin.portal().plugins().plugin("slo").orElseThrow());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        plugin.slos().create(new Slo("checkout-availability", Optional.of("billing-api"), Optional.empty(),
                Optional.of("payments"), new BigDecimal("0.999"), SloWindow.ROLLING_30D, BudgetingMethod.OCCURRENCES,
                Optional.empty(), Optional.of("Checkouts that succeed"), now));
        plugin.slos().create(new Slo("checkout-journey", Optional.empty(), Optional.of("checkout"),
                Optional.of("payments"), new BigDecimal("0.99"), SloWindow.CALENDAR_MONTH,
                BudgetingMethod.OCCURRENCES, Optional.empty(), Optional.empty(), now));
    }

    @AfterAll
    static void stop() {
        http.close();
        plugin.close();
    }

    private static String page(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.get(path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return response.body();
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.mapper().readTree(response.body());
    }

    @Test
    void theOverviewDetailAndTabLinkToThePluginsPagesAndThePortalsEntityPages() throws Exception {
        String overview = page("/p/slo/");
        assertTrue(overview.contains("href=\"/p/slo/slos/checkout-availability\""), overview);
        assertTrue(overview.contains("href=\"/services/billing-api\""), overview);
        assertTrue(overview.contains("href=\"/components/checkout\""), overview);
        assertTrue(overview.contains("href=\"/teams/payments\""), overview);
        assertTrue(overview.contains("href=\"/p/slo/new\""), overview);

        String detail = page("/p/slo/slos/checkout-availability");
        assertTrue(detail.contains("href=\"/p/slo/slos/checkout-availability/edit\""), detail);
        assertTrue(detail.contains("href=\"/api/slo/slos/checkout-availability/status\""), detail);

        String tab = page("/tab/billing-api");
        assertTrue(tab.contains("href=\"/p/slo/slos/checkout-availability\""), tab);
        assertTrue(tab.contains("href=\"/p/slo/new?service=billing-api\""), tab);

        String form = page("/p/slo/new?service=billing-api");
        assertTrue(form.contains("action=\"/p/slo/new\"") && form.contains("value=\"billing-api\""), form);
        String edit = page("/p/slo/slos/checkout-availability/edit");
        assertTrue(edit.contains("action=\"/p/slo/slos/checkout-availability/edit\""), edit);
    }

    @Test
    void theReviewLinksItsCsvWithTheSameFiltersAndTheCsvAnswers() throws Exception {
        String review = page("/p/slo/review?component=checkout&month=2026-10");
        assertTrue(review.contains("href=\"/api/slo/review.csv?component=checkout&amp;month=2026-10\""), review);
        assertTrue(review.contains("href=\"/p/slo/components/checkout\""), review);

        HttpResponse<String> csv = http.get("/api/slo/review.csv?component=checkout&month=2026-10");
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.body().startsWith("slo,owner,team,objective,month,"), csv.body());
        assertTrue(csv.body().contains("checkout-journey,checkout,payments,0.99,2026-10,"), csv.body());
    }

    @Test
    void anUnknownSloOrComponentIsAPageThatSaysSo() throws Exception {
        HttpResponse<String> slo = http.get("/p/slo/slos/nothing-here");
        assertEquals(404, slo.statusCode());
        assertTrue(slo.body().contains("No SLO named 'nothing-here'."), slo.body());
        assertTrue(slo.body().contains("href=\"/p/slo/\""), slo.body());
        assertEquals(404, http.get("/p/slo/components/atlantis").statusCode());
    }

    @Test
    void theApiListsReadsAndEvaluatesSlosAsRecords() throws Exception {
        JsonNode list = json(http.get("/api/slo/slos?size=1"));
        assertEquals(List.of("checkout-availability"), list.get("items").findValuesAsText("name"));
        assertEquals(2, list.get("total").asLong());
        assertEquals(1, list.get("size").asInt());

        JsonNode journey = json(http.get("/api/slo/slos/checkout-journey"));
        assertEquals("checkout", journey.get("component").asText());
        assertTrue(journey.get("service").isNull() && journey.get("prometheus").isNull(), journey.toString());
        assertEquals("0.99", journey.get("objective").asText());

        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(2, ChronoUnit.MINUTES);
        HttpResponse<String> ingest = http.send("POST", "/api/slo/samples", Optional.of("[{\"slo\": "
                + "\"checkout-availability\", \"minute\": \"" + minute + "\", \"good\": 999, \"total\": 1000}]"));
        assertEquals(200, ingest.statusCode(), ingest.body());
        assertEquals(1, json(ingest).get("added").asInt());
        assertEquals(1, json(ingest).get("received").asInt());

        JsonNode status = json(http.get("/api/slo/slos/checkout-availability/status"));
        assertEquals(0.999, status.get("attainment").asDouble(), 1e-12);
        assertEquals(List.of("5m", "30m", "1h", "2h", "6h", "1d", "3d"),
                List.copyOf(iterable(status.get("burnRates").fieldNames())));
        assertEquals(4, status.get("alerts").size());
    }

    @Test
    void aDefinitionForAServiceTheCatalogLacksIsRefusedNamingTheField() throws Exception {
        HttpResponse<String> refused = http.send("POST", "/api/slo/slos", Optional.of("""
                {"name": "nowhere-availability", "service": "nowhere", "objective": 0.99, "window": "7d"}"""));

        assertEquals(422, refused.statusCode(), refused.body());
        assertEquals(List.of("service"), json(refused).get("errors").findValuesAsText("field"));
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> all = new ArrayList<>();
        names.forEachRemaining(all::add);
        return all;
    }
}
