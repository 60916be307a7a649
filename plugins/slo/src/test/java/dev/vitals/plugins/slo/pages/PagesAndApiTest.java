package dev.vitals.plugins.slo.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitals.testkit.PortalResponse;
import dev.vitals.testkit.TestCatalog;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The running plugin's pages, service tab and API over HTTP in a real portal: every page renders, every address on it
 * is the one the host's URL builders give, and the API answers its records.
 */
class PagesAndApiTest {

    /** Team payments owns service billing-api and availability component checkout. */
    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .catalog(TestCatalog.of().team("payments").service("billing-api", "payments").descriptor("""
                    apiVersion: vitals.dev/v1
                    kind: AvailabilityComponent
                    metadata: {name: checkout, title: Checkout}
                    spec: {owner: payments, services: [component:billing-api]}
                    """))
            .build();

    @BeforeAll
    static void twoSlosOfPayments(VitalsPortal portal) {
        portal.admin().post("/api/slo/slos", """
                {"name": "checkout-availability", "service": "billing-api", "objective": 0.999, "window": "30d",
                 "method": "occurrences", "description": "Checkouts that succeed"}""").expect(201);
        portal.admin().post("/api/slo/slos", """
                {"name": "checkout-journey", "component": "checkout", "objective": 0.99, "window": "month",
                 "method": "occurrences"}""").expect(201);
    }

    private static String page(VitalsPortal portal, String path) {
        return portal.admin().page(path).expect(200).body();
    }

    @Test
    void theOverviewDetailAndTabLinkToThePluginsPagesAndThePortalsEntityPages(VitalsPortal portal) {
        String overview = page(portal, "/p/slo/");
        assertTrue(overview.contains("href=\"/p/slo/slos/checkout-availability\""), overview);
        assertTrue(overview.contains("href=\"/services/billing-api\""), overview);
        assertTrue(overview.contains("href=\"/components/checkout\""), overview);
        assertTrue(overview.contains("href=\"/teams/payments\""), overview);
        assertTrue(overview.contains("href=\"/p/slo/new\""), overview);

        String detail = page(portal, "/p/slo/slos/checkout-availability");
        assertTrue(detail.contains("href=\"/p/slo/slos/checkout-availability/edit\""), detail);
        assertTrue(detail.contains("href=\"/api/slo/slos/checkout-availability/status\""), detail);

        String tab = page(portal, "/services/billing-api?tab=slo.slos");
        assertTrue(tab.contains("href=\"/p/slo/slos/checkout-availability\""), tab);
        assertTrue(tab.contains("href=\"/p/slo/new?service=billing-api\""), tab);

        String form = page(portal, "/p/slo/new?service=billing-api");
        assertTrue(form.contains("action=\"/p/slo/new\"") && form.contains("value=\"billing-api\""), form);
        String edit = page(portal, "/p/slo/slos/checkout-availability/edit");
        assertTrue(edit.contains("action=\"/p/slo/slos/checkout-availability/edit\""), edit);
    }

    @Test
    void everyPageSaysAVerdictInThePortalsOneWordingWithItsReasonAsText(VitalsPortal portal) {
        Pattern badge = Pattern.compile("aria-hidden=\"true\"></span>(OK|Warning|Critical|Unknown)</span> "
                + "<span class=\"status-reason\">[^<]+</span>");
        Pattern enumName = Pattern.compile(">(OK|UNKNOWN|WARN|CRITICAL)<");
        for (String path : List.of("/p/slo/", "/p/slo/slos/checkout-availability", "/p/slo/components/checkout",
                "/services/billing-api?tab=slo.slos")) {
            String html = page(portal, path);
            assertTrue(badge.matcher(html).find(), path + ": " + html);
            assertFalse(enumName.matcher(html).find(), path + " shows an enum name: " + html);
        }
    }

    @Test
    void theReviewLinksItsCsvWithTheSameFiltersAndTheCsvAnswers(VitalsPortal portal) {
        String review = page(portal, "/p/slo/review?component=checkout&month=2026-10");
        assertTrue(review.contains("href=\"/api/slo/review.csv?component=checkout&amp;month=2026-10\""), review);
        assertTrue(review.contains("href=\"/p/slo/components/checkout\""), review);

        PortalResponse csv = portal.viewer().get("/api/slo/review.csv?component=checkout&month=2026-10").expect(200);
        assertTrue(csv.body().startsWith("slo,owner,team,objective,month,"), csv.body());
        assertTrue(csv.body().contains("checkout-journey,checkout,payments,0.99,2026-10,"), csv.body());
    }

    @Test
    void anUnknownSloOrComponentIsAPageThatSaysSo(VitalsPortal portal) {
        PortalResponse slo = portal.viewer().page("/p/slo/slos/nothing-here");
        assertEquals(404, slo.status());
        assertTrue(slo.body().contains("No SLO named 'nothing-here'."), slo.body());
        assertTrue(slo.body().contains("href=\"/p/slo/\""), slo.body());
        assertEquals(404, portal.viewer().page("/p/slo/components/atlantis").status());
    }

    @Test
    void theApiListsReadsAndEvaluatesSlosAsRecords(VitalsPortal portal) {
        JsonNode list = portal.viewer().get("/api/slo/slos?size=1").expect(200).json();
        assertEquals(List.of("checkout-availability"), list.get("items").findValuesAsText("name"));
        assertEquals(2, list.get("total").asLong());
        assertEquals(1, list.get("size").asInt());

        JsonNode journey = portal.viewer().get("/api/slo/slos/checkout-journey").expect(200).json();
        assertEquals("checkout", journey.get("component").asText());
        assertTrue(journey.get("service").isNull() && journey.get("prometheus").isNull(), journey.toString());
        assertEquals("0.99", journey.get("objective").asText());

        Instant minute = portal.clock().instant().truncatedTo(ChronoUnit.MINUTES).minus(2, ChronoUnit.MINUTES);
        JsonNode ingest = portal.editorOf("payments").post("/api/slo/samples", "[{\"slo\": "
                + "\"checkout-availability\", \"minute\": \"" + minute + "\", \"good\": 999, \"total\": 1000}]")
                .expect(200).json();
        assertEquals(1, ingest.get("added").asInt());
        assertEquals(1, ingest.get("received").asInt());

        JsonNode status = portal.viewer().get("/api/slo/slos/checkout-availability/status").expect(200).json();
        assertEquals(0.999, status.get("attainment").asDouble(), 1e-12);
        assertEquals(List.of("5m", "30m", "1h", "2h", "6h", "1d", "3d"),
                List.copyOf(names(status.get("burnRates").fieldNames())));
        assertEquals(4, status.get("alerts").size());
    }

    @Test
    void aDefinitionForAServiceTheCatalogLacksIsRefusedNamingTheField(VitalsPortal portal) {
        PortalResponse refused = portal.admin().post("/api/slo/slos", """
                {"name": "nowhere-availability", "service": "nowhere", "objective": 0.99, "window": "7d"}""");

        assertEquals(422, refused.status(), refused.body());
        assertEquals(List.of("service"), refused.json().get("errors").findValuesAsText("field"));
    }

    private static List<String> names(Iterator<String> names) {
        List<String> all = new ArrayList<>();
        names.forEachRemaining(all::add);
        return all;
    }
}
