package dev.vitals.plugins.cost.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitals.api.EntityRef;
import dev.vitals.api.MeasurePoint;
import dev.vitals.plugins.cost.Conservation;
import dev.vitals.plugins.cost.FocusCsv;
import dev.vitals.testkit.PortalResponse;
import dev.vitals.testkit.RouteDocs;
import dev.vitals.testkit.TestCatalog;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Importing FOCUS files over HTTP: all or nothing, idempotent, corrections, currencies, and who may. */
class FocusImportTest {

    private static final ZoneId UTC = ZoneId.of("UTC");

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .environment("VITALS_TIMEZONE", "UTC")
            .catalog(TestCatalog.of().team("payments").service("checkout", "payments").service("ledger", "payments"))
            .build();

    @Test
    void everyRouteIsDescribedAndItsExampleReadsAsTheRouteReadsItsBody(VitalsPortal portal) {
        assertEquals(List.of(), RouteDocs.faults(portal.apiRoutes(), portal.webhooks(), Set.of()));
    }

    @BeforeEach
    void emptyTables(VitalsPortal portal) {
        portal.pluginJdbi().useHandle(h -> h.execute("TRUNCATE charges, imports, rates, allocations, allocation_dirty"));
    }

    private static PortalResponse importAsAdmin(VitalsPortal portal, String csv) {
        return portal.admin().send("POST", "/api/cost/imports", "text/csv", csv, Map.of());
    }

    private static long storedRows(VitalsPortal portal) {
        return portal.pluginJdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM charges").mapTo(Long.class)
                .one());
    }

    private static JsonNode costs(VitalsPortal portal, String query) {
        return portal.viewer().get("/api/cost/costs?" + query).expect(200).json();
    }

    private static String serviceCost(JsonNode answer, String key) {
        for (JsonNode group : answer.get("groups")) {
            if (group.get("key").asText().equals(key)) {
                return group.get("cost").asText();
            }
        }
        return "absent";
    }

    @Test
    void importingTheSameBillingPeriodAgainReplacesItInsteadOfCountingItTwice(VitalsPortal portal) {
        String september = new FocusCsv()
                .usage("2024-09-10T10:00:00Z", "10.00", "checkout")
                .usage("2024-09-10T11:00:00Z", "5.25", "ledger")
                .usage("2024-09-10T12:00:00Z", "2.50", "mystery")
                .usage("2024-09-10T13:00:00Z", "1.25", null)
                .text();

        JsonNode first = importAsAdmin(portal, september).expect(201).json();
        JsonNode again = importAsAdmin(portal, september).expect(201).json();

        assertEquals(4, first.get("rows").asLong());
        assertEquals(0, first.get("replaced").asLong());
        assertEquals(4, again.get("replaced").asLong());
        assertEquals(4, storedRows(portal));
        JsonNode day = costs(portal, "groupBy=service&from=2024-09-10&to=2024-09-11");
        assertEquals("19", day.get("total").asText());
        assertEquals("3.75", day.get("unallocated").asText());
        assertEquals("10", serviceCost(day, "checkout"));
        assertEquals("5.25", serviceCost(day, "ledger"));
        Conservation.assertConserved(portal, UTC, LocalDate.parse("2024-09-09"), LocalDate.parse("2024-09-12"));
    }

    @Test
    void anotherAccountOrPeriodIsKeptBesideTheOneReplaced(VitalsPortal portal) {
        importAsAdmin(portal, new FocusCsv().usage("2024-09-10T10:00:00Z", "10", "checkout").text()).expect(201);
        importAsAdmin(portal, new FocusCsv().account("acct-2").usage("2024-09-10T10:00:00Z", "1", "checkout")
                .text()).expect(201);
        importAsAdmin(portal, new FocusCsv().usage("2024-09-10T10:00:00Z", "7", "checkout").text()).expect(201);

        assertEquals("8", serviceCost(costs(portal, "from=2024-09-10&to=2024-09-11"), "checkout"));
    }

    @Test
    void aCorrectionCountsInThePeriodItRestatesNotTheOneItIsBilledIn(VitalsPortal portal) {
        importAsAdmin(portal, new FocusCsv().usage("2024-09-10T10:00:00Z", "10.00", "checkout").text()).expect(201);
        String october = new FocusCsv().billingMonth("2024-10")
                .usage("2024-10-05T10:00:00Z", "4.00", "checkout")
                .correction("2024-09-10T10:00:00Z", "-1.50", "checkout")
                .text();

        importAsAdmin(portal, october).expect(201);
        importAsAdmin(portal, october).expect(201);

        assertEquals("8.5", serviceCost(costs(portal, "from=2024-09-01&to=2024-10-01"), "checkout"));
        assertEquals("4", serviceCost(costs(portal, "from=2024-10-01&to=2024-11-01"), "checkout"));
        Conservation.assertConserved(portal, UTC, LocalDate.parse("2024-09-09"), LocalDate.parse("2024-10-07"));
    }

    @Test
    void aBillingCurrencyIsConvertedExactlyAtTheRateOfItsMonth(VitalsPortal portal) {
        portal.admin().put("/api/cost/rates/eur/2024-09", "{\"rate\": 1.0852}").expect(200);
        portal.admin().put("/api/cost/rates/EUR/2024-10", Map.of("rate", 2)).expect(200);

        importAsAdmin(portal, new FocusCsv().account("acct-eu").currency("EUR")
                .usage("2024-09-12T10:00:00Z", "100.01", "checkout").text()).expect(201);

        JsonNode day = costs(portal, "from=2024-09-12&to=2024-09-13");
        assertEquals("USD", day.get("currency").asText());
        assertEquals("108.530852", serviceCost(day, "checkout"));
        JsonNode rates = portal.viewer().get("/api/cost/rates").expect(200).json();
        assertEquals("USD", rates.get("reporting").asText());
        assertEquals("2024-10", rates.get("rates").get(0).get("month").asText());
        assertEquals("1.0852", rates.get("rates").get(1).get("rate").asText());
        JsonNode invoice = portal.viewer().get("/api/cost/imports").expect(200).json().get("imports").get(0)
                .get("invoices").get(0);
        assertEquals("EUR", invoice.get("currency").asText());
        assertEquals("100.01", invoice.get("billed").asText());
        assertEquals("INV-acct-eu-2024-09", invoice.get("invoiceId").asText());
        Conservation.assertConserved(portal, UTC, LocalDate.parse("2024-09-12"), LocalDate.parse("2024-09-13"));
    }

    @Test
    void aFileInACurrencyWithoutARateIsRefusedNamingTheCurrencyAndNothingIsStored(VitalsPortal portal) {
        PortalResponse refused = importAsAdmin(portal, new FocusCsv()
                .usage("2024-09-12T10:00:00Z", "1", "checkout")
                .currency("GBP").usage("2024-09-12T11:00:00Z", "1", "checkout").text());

        assertEquals(422, refused.status());
        assertEquals(Optional.of("application/problem+json"), refused.contentType());
        assertTrue(refused.body().contains("GBP"), refused.body());
        assertTrue(refused.json().get("errors").get(0).get("reason").asText().startsWith("row 3"), refused.body());
        assertEquals(0, storedRows(portal));
    }

    @Test
    void aFileWithoutAMandatoryColumnIsRefusedAndWhatWasStoredStays(VitalsPortal portal) {
        importAsAdmin(portal, new FocusCsv().usage("2024-09-10T10:00:00Z", "10", "checkout").text()).expect(201);
        String withoutEffectiveCost = new FocusCsv().usage("2024-09-10T10:00:00Z", "99", "checkout").text()
                .replace("BilledCost,EffectiveCost,", "BilledCost,Effective,");

        PortalResponse refused = importAsAdmin(portal, withoutEffectiveCost);

        assertEquals(422, refused.status(), refused.body());
        assertEquals("EffectiveCost", refused.json().get("errors").get(0).get("field").asText());
        assertTrue(refused.json().get("detail").asText().contains("row 1"), refused.body());
        assertEquals(1, storedRows(portal));
        assertEquals("10", serviceCost(costs(portal, "from=2024-09-10&to=2024-09-11"), "checkout"));
    }

    @Test
    void anUnparsableNumberAtRowFourRefusesTheWholeFileNamingRowAndColumn(VitalsPortal portal) {
        String csv = new FocusCsv()
                .usage("2024-09-10T10:00:00Z", "1", "checkout")
                .usage("2024-09-10T11:00:00Z", "2", "checkout")
                .row("2024-09-10T12:00:00Z", "Usage", "NULL", "3", "three", "checkout")
                .text();

        PortalResponse refused = importAsAdmin(portal, csv);

        assertEquals(422, refused.status(), refused.body());
        JsonNode error = refused.json().get("errors").get(0);
        assertEquals("EffectiveCost", error.get("field").asText());
        assertTrue(error.get("reason").asText().startsWith("row 4: 'three' is not a number"), refused.body());
        assertEquals(0, storedRows(portal));
        long imports = portal.pluginJdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM imports")
                .mapTo(Long.class).one());
        assertEquals(0, imports);
    }

    @Test
    void peopleOtherThanAdminsAndTokensWithoutTheImportScopeCannotImport(VitalsPortal portal) {
        String csv = new FocusCsv().usage("2024-09-10T10:00:00Z", "1", "checkout").text();

        assertEquals(403, portal.viewer().send("POST", "/api/cost/imports", "text/csv", csv, Map.of()).status());
        assertEquals(403, portal.editorOf("payments").send("POST", "/api/cost/imports", "text/csv", csv, Map.of())
                .status());
        assertEquals(403, portal.withToken("writer", Optional.empty(), List.of("cost:write"))
                .send("POST", "/api/cost/imports", "text/csv", csv, Map.of()).status());
        assertEquals(403, portal.editorOf("payments").put("/api/cost/rates/EUR/2024-09", Map.of("rate", 1))
                .status());
        assertEquals(0, storedRows(portal));

        portal.withToken("billing-pipeline", Optional.empty(), List.of("cost:import"))
                .send("POST", "/api/cost/imports", "text/csv", csv, Map.of()).expect(201);
        assertEquals(1, storedRows(portal));
    }

    @Test
    void eachServicesDailyEffectiveCostIsPublishedAndAReplacedDayIsRepublished(VitalsPortal portal) {
        EntityRef checkout = EntityRef.of("component", "checkout");
        EntityRef ledger = EntityRef.of("component", "ledger");
        importAsAdmin(portal, new FocusCsv()
                .usage("2024-09-10T10:00:00Z", "10.00", "checkout")
                .usage("2024-09-10T11:00:00Z", "2.00", "checkout")
                .usage("2024-09-11T10:00:00Z", "3.00", "ledger").text()).expect(201);
        importAsAdmin(portal, new FocusCsv()
                .usage("2024-09-10T10:00:00Z", "7.00", "checkout").text()).expect(201);

        List<MeasurePoint> checkoutDays = portal.measures("cost.effective", checkout, LocalDate.parse("2024-09-01"),
                LocalDate.parse("2024-09-30"));
        List<MeasurePoint> ledgerDays = portal.measures("cost.effective", ledger, LocalDate.parse("2024-09-01"),
                LocalDate.parse("2024-09-30"));

        assertEquals(1, checkoutDays.size());
        assertEquals(0, new BigDecimal("7").compareTo(checkoutDays.get(0).value()));
        assertEquals(LocalDate.parse("2024-09-10"), checkoutDays.get(0).day());
        assertEquals(0, BigDecimal.ZERO.compareTo(ledgerDays.get(0).value()), "the replaced day is zero now");
    }

    @Test
    void theCostPageShowsEachTeamsLastThirtyDaysAndTheImportsWithBilledAgainstEffective(VitalsPortal portal) {
        LocalDate yesterday = LocalDate.now(portal.clock().withZone(UTC)).minusDays(1);
        String month = YearMonth.from(yesterday).toString();
        importAsAdmin(portal, new FocusCsv().billingMonth(month)
                .usage(yesterday.atTime(10, 0) + ":00Z", "12.346", "checkout").text()).expect(201);

        String overview = portal.viewer().page("/p/cost/").expect(200).body();
        String page = portal.viewer().page("/p/cost/imports").expect(200).body();

        assertTrue(overview.contains("<td><a href=\"/teams/payments\">payments</a></td><td>12.35</td>"), overview);
        assertTrue(page.contains("INV-acct-1-" + month), page);
        assertTrue(page.contains("<td>USD</td><td>12.346</td><td>12.346</td>"), page);
        java.time.Instant imported = portal.pluginJdbi().withHandle(h -> h.createQuery(
                "SELECT imported_at FROM imports ORDER BY id DESC LIMIT 1").mapTo(java.time.Instant.class).one());
        assertTrue(page.contains("<time datetime=\"" + imported.truncatedTo(ChronoUnit.SECONDS)
                + "\">"), "the import's time is shown as people read it, the instant kept for machines: " + page);
    }

    @Test
    void aRateBeyondAnyCurrencysOrWithHundredsOfDigitsIsRefusedNamingTheField(VitalsPortal portal) {
        for (String rate : List.of("1e400", "9".repeat(400), "0." + "1".repeat(30))) {
            PortalResponse refused = portal.admin().put("/api/cost/rates/EUR/2024-09", "{\"rate\": " + rate + "}");
            assertEquals(422, refused.status(), rate + ": " + refused.body());
            assertEquals("rate", refused.json().get("errors").get(0).get("field").asText());
        }
        long stored = portal.pluginJdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM rates")
                .mapTo(Long.class).one());
        assertEquals(0, stored);
    }

    @Test
    void theCostPageWithNothingImportedSaysHowToImport(VitalsPortal portal) {
        String page = portal.viewer().page("/p/cost/").expect(200).body();
        String imports = portal.viewer().page("/p/cost/imports").expect(200).body();

        assertTrue(page.contains("<p class=\"empty-state\">No cost allocated to a team in these 30 days."), page);
        assertTrue(page.contains("<code>POST /api/cost/imports</code>"), page);
        assertTrue(imports.contains("<p class=\"empty-state\">No file imported yet."), imports);
    }
}
