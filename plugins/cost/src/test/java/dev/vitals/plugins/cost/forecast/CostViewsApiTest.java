package dev.vitals.plugins.cost.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitals.api.EntityRef;
import dev.vitals.api.MeasurePoint;
import dev.vitals.core.measures.MeasureStore;
import dev.vitals.plugins.cost.CostCatalog;
import dev.vitals.plugins.cost.FocusCsv;
import dev.vitals.testkit.PortalResponse;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The forecast and unit-cost routes on one hand-computed dataset in an organisation on Berlin time, today being
 * Monday 29 March 2032, the day after summer time began. Checkout costs 1 every hour from 1 January: 24 a day, but
 * 23 on Sunday 28 March, whose night lost an hour; an untagged row of 10 on 2 March is unallocated. The exports
 * reach the 28th: known, March is 27 × 24 + 23 = 671 for checkout; the 29th to 31st are forecast at 24 a day.
 */
class CostViewsApiTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .environment("VITALS_TIMEZONE", "Europe/Berlin")
            .catalog(CostCatalog.payments())
            .build();

    @BeforeAll
    static void importAndSetTheClock(VitalsPortal portal) {
        Instant today = LocalDate.parse("2032-03-29").atTime(10, 0).atZone(BERLIN).toInstant();
        portal.moveClockOn(Duration.between(portal.clock().instant(), today));
        FocusCsv csv = new FocusCsv();
        Instant end = LocalDate.parse("2032-03-29").atStartOfDay(BERLIN).toInstant();
        for (Instant hour = LocalDate.parse("2032-01-01").atStartOfDay(BERLIN).toInstant(); hour.isBefore(end);
                hour = hour.plusSeconds(3600)) {
            csv.billingMonth(YearMonth.from(hour.atOffset(ZoneOffset.UTC)).toString())
                    .usage(hour.toString(), "1", "checkout");
        }
        csv.billingMonth("2032-03").usage("2032-03-02T09:00:00Z", "10", null);
        portal.admin().send("POST", "/api/cost/imports", "text/csv", csv.text(), Map.of()).expect(201);

        List<MeasurePoint> requests = new ArrayList<>();
        for (int day = 1; day <= 5; day++) {
            requests.add(new MeasurePoint("slo.requests", EntityRef.of("component", "checkout"),
                    LocalDate.of(2032, 3, day), BigDecimal.valueOf(8000)));
        }
        requests.add(new MeasurePoint("slo.requests", EntityRef.of("component", "finder"), LocalDate.of(2032, 3, 1),
                BigDecimal.ZERO));
        new MeasureStore(portal.jdbi(), portal.clock()).publish("slo", requests);
    }

    private static JsonNode get(VitalsPortal portal, String path) {
        return portal.viewer().get(path).expect(200).json();
    }

    @Test
    void theMonthIsTheKnownDaysAcrossTheSummerTimeChangePlusTheRestAtTheirRate(VitalsPortal portal) {
        JsonNode checkout = get(portal, "/api/cost/forecast?service=checkout");

        assertEquals("2032-03-01", checkout.get("from").asText());
        assertEquals("2032-04-01", checkout.get("until").asText(), "until defaults to the first day of next month");
        assertEquals("671", checkout.get("actual").asText(), "27 days of 24 and the 23-hour 28th");
        assertEquals("743", checkout.get("forecast").asText(), "671 and three days of 24");
        assertEquals("743", checkout.get("low").asText(), "past forecasts of this series missed by nothing");
        assertEquals("743", checkout.get("high").asText());
        assertEquals(0.8, checkout.get("interval").asDouble());
        assertEquals("2032-03-28", checkout.get("knownThrough").asText());
        assertEquals(88, checkout.get("historyDays").asInt(), "1 January to 28 March of a leap year");
        assertTrue(checkout.get("note").isNull());
        assertTrue(checkout.get("method").asText().startsWith("seasonal naive by weekday"));
        assertEquals("743", get(portal, "/api/cost/forecast?team=payments").get("forecast").asText());
    }

    @Test
    void theOrganisationsForecastHoldsTheUnallocatedCost(VitalsPortal portal) {
        JsonNode org = get(portal, "/api/cost/forecast?until=2032-04-01");

        assertEquals("681", org.get("actual").asText());
        assertEquals("753", org.get("forecast").asText(), "the one-off 10 is counted, not carried forward");
        assertEquals("USD", org.get("currency").asText());
    }

    @Test
    void aQuarterAheadNeedsMoreHistoryForAnIntervalAndSaysSo(VitalsPortal portal) {
        JsonNode quarter = get(portal, "/api/cost/forecast?service=checkout&until=2032-07-01");

        // April, May and June: 91 days of 24.
        assertEquals("2927", quarter.get("forecast").asText());
        assertTrue(quarter.get("low").isNull());
        assertTrue(quarter.get("high").isNull());
        assertEquals("Only 88 days of cost history: an interval over 94 days ahead needs 127, to compare 20 past "
                + "forecasts with what came.", quarter.get("note").asText());
    }

    @Test
    void badForecastParametersAreRefusedWith422NamingTheField(VitalsPortal portal) {
        assertEquals("until", problemField(portal, "/api/cost/forecast?until=2032-03-01"));
        assertEquals("until", problemField(portal, "/api/cost/forecast?until=April"));
        assertEquals("until", problemField(portal, "/api/cost/forecast?until=2033-03-02"));
        assertEquals("team", problemField(portal, "/api/cost/forecast?team=nobody"));
        assertEquals("team", problemField(portal, "/api/cost/forecast?service=checkout&team=payments"));
    }

    @Test
    void theUnitCostIsTheCostPerThousandRequestsTheSloPluginCounted(VitalsPortal portal) {
        JsonNode five = get(portal, "/api/cost/unit-costs?service=checkout&from=2032-03-01&to=2032-03-06");

        assertEquals("120", five.get("cost").asText(), "5 days of 24");
        assertEquals("40000", five.get("requests").asText());
        assertEquals("3", five.get("perThousandRequests").asText(), "120 × 1000 / 40000");
        assertTrue(five.get("reason").isNull());

        JsonNode week = get(portal, "/api/cost/unit-costs?service=checkout&from=2032-03-01&to=2032-03-08");
        assertEquals("4.2", week.get("perThousandRequests").asText(), "168 × 1000 / 40000");
        assertEquals(5, week.get("requestDays").asInt());
        assertTrue(week.get("reason").asText().startsWith("Requests are counted on 5 of the 7 days"));
    }

    @Test
    void withoutRequestsThereIsNoUnitCostAndTheReasonSaysWhy(VitalsPortal portal) {
        JsonNode ledger = get(portal, "/api/cost/unit-costs?service=ledger&from=2032-03-01&to=2032-03-08");
        JsonNode finder = get(portal, "/api/cost/unit-costs?service=finder&from=2032-03-01&to=2032-03-08");

        assertEquals("0", ledger.get("cost").asText());
        assertTrue(ledger.get("requests").isNull());
        assertTrue(ledger.get("perThousandRequests").isNull());
        assertEquals("No request counts for ledger in this period: the SLO plugin publishes `slo.requests` for "
                + "services with an SLO.", ledger.get("reason").asText());
        assertEquals("0", finder.get("requests").asText());
        assertTrue(finder.get("perThousandRequests").isNull());
        assertEquals("finder served no requests in this period.", finder.get("reason").asText());
    }

    @Test
    void badUnitCostParametersAreRefusedWith422NamingTheField(VitalsPortal portal) {
        assertEquals("service", problemField(portal, "/api/cost/unit-costs?from=2032-03-01&to=2032-03-08"));
        assertEquals("service", problemField(portal, "/api/cost/unit-costs?service=nope&from=2032-03-01&to=2032-03-08"));
        assertEquals("from", problemField(portal, "/api/cost/unit-costs?service=checkout&from=3/1/32&to=2032-03-08"));
        assertEquals("to", problemField(portal, "/api/cost/unit-costs?service=checkout&from=2032-03-08&to=2032-03-01"));
    }

    private static String problemField(VitalsPortal portal, String path) {
        PortalResponse answer = portal.viewer().get(path);
        assertEquals(422, answer.status(), answer.body());
        assertEquals(Optional.of("application/problem+json"), answer.contentType());
        return answer.json().get("errors").get(0).get("field").asText();
    }
}
