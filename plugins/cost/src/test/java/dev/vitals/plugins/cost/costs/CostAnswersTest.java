package dev.vitals.plugins.cost.costs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitals.plugins.cost.Conservation;
import dev.vitals.plugins.cost.CostCatalog;
import dev.vitals.plugins.cost.FocusCsv;
import dev.vitals.testkit.PortalResponse;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The answers, on one hand-computed dataset in an organisation on Berlin time, where 27 October 2024 has 25 hours.
 * September 10 (UTC hours, all on the 10th in Berlin too): checkout 10, ledger (tagged fin-ledger) 5.25, finder
 * 1.10 on GCP in category Storage, an unknown tag 2.50 and an untagged row 1.25.
 */
class CostAnswersTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .environment("VITALS_TIMEZONE", "Europe/Berlin")
            .catalog(CostCatalog.payments())
            .build();

    @BeforeAll
    static void importTheDataset(VitalsPortal portal) {
        String aws = new FocusCsv()
                .usage("2024-09-10T08:00:00Z", "10.00", "checkout")
                .usage("2024-09-10T09:00:00Z", "5.25", "FIN-LEDGER")
                .usage("2024-09-10T10:00:00Z", "2.50", "mystery")
                .usage("2024-09-10T11:00:00Z", "1.25", null)
                .billingMonth("2024-10")
                .usage("2024-10-26T21:30:00Z", "1", "checkout")     // 23:30 on the 26th in Berlin (CEST)
                .usage("2024-10-26T22:00:00Z", "2", "checkout")     // midnight of the 27th (CEST)
                .usage("2024-10-27T22:59:00Z", "4", "checkout")     // 23:59 of the 27th (CET)
                .usage("2024-10-27T23:00:00Z", "8", "checkout")     // midnight of the 28th
                .text();
        String gcp = new FocusCsv().account("gcp-1").provider("GCP").category("Storage")
                .usage("2024-09-10T12:00:00Z", "1.10", "finder").text();
        portal.admin().send("POST", "/api/cost/imports", "text/csv", aws, Map.of()).expect(201);
        portal.admin().send("POST", "/api/cost/imports", "text/csv", gcp, Map.of()).expect(201);
    }

    private static JsonNode costs(VitalsPortal portal, String query) {
        return portal.viewer().get("/api/cost/costs?" + query).expect(200).json();
    }

    private static Map<String, String> groups(JsonNode answer) {
        Map<String, String> groups = new LinkedHashMap<>();
        answer.get("groups").forEach(g -> groups.put(g.get("key").asText(), g.get("cost").asText()));
        return groups;
    }

    @Test
    void servicesGetTheirTaggedCostAndTheRestIsUnallocated(VitalsPortal portal) {
        JsonNode answer = costs(portal, "groupBy=service&from=2024-09-10&to=2024-09-11");

        assertEquals(Map.of("checkout", "10", "ledger", "5.25", "finder", "1.1"), groups(answer));
        assertEquals("20.1", answer.get("total").asText());
        assertEquals("3.75", answer.get("unallocated").asText());
        assertEquals("2024-09-10", answer.get("from").asText());
        assertEquals("2024-09-11", answer.get("to").asText());
        JsonNode first = answer.get("groups").get(0);
        assertEquals("checkout", first.get("key").asText(), "largest first");
        assertEquals("10", first.get("direct").asText());
        assertEquals("0", first.get("shared").asText());
    }

    @Test
    void teamsAndProgramsSumTheirServicesAndASharedServiceCountsInEachProgram(VitalsPortal portal) {
        assertEquals(Map.of("payments", "15.25", "search", "1.1"),
                groups(costs(portal, "groupBy=team&from=2024-09-10&to=2024-09-11")));
        assertEquals(Map.of("core", "15.25", "growth", "11.1"),
                groups(costs(portal, "groupBy=program&from=2024-09-10&to=2024-09-11")));
    }

    @Test
    void accountsProvidersAndCategoriesSplitAllTheCost(VitalsPortal portal) {
        assertEquals(Map.of("AWS", "19", "GCP", "1.1"),
                groups(costs(portal, "groupBy=provider&from=2024-09-10&to=2024-09-11")));
        assertEquals(Map.of("acct-1", "19", "gcp-1", "1.1"),
                groups(costs(portal, "groupBy=account&from=2024-09-10&to=2024-09-11")));
        assertEquals(Map.of("Compute", "19", "Storage", "1.1"),
                groups(costs(portal, "groupBy=category&from=2024-09-10&to=2024-09-11")));
    }

    @Test
    void aTeamOrProgramFilterKeepsOnlyItsServices(VitalsPortal portal) {
        JsonNode payments = costs(portal, "groupBy=service&team=payments&from=2024-09-10&to=2024-09-11");
        JsonNode growth = costs(portal, "groupBy=provider&program=growth&from=2024-09-10&to=2024-09-11");

        assertEquals(Map.of("checkout", "10", "ledger", "5.25"), groups(payments));
        assertEquals("15.25", payments.get("total").asText());
        assertEquals("0", payments.get("unallocated").asText());
        assertEquals(Map.of("AWS", "10", "GCP", "1.1"), groups(growth));
        assertEquals("1.1", costs(portal, "service=finder&from=2024-09-01&to=2024-10-01").get("total").asText());
    }

    @Test
    void theShortDayOfDaylightSavingTimeEndIsGroupedByTheOrganisationsLocalDays(VitalsPortal portal) {
        JsonNode daily = portal.viewer().get("/api/cost/costs/daily?from=2024-10-26&to=2024-10-29").expect(200)
                .json();

        Map<String, String> days = new LinkedHashMap<>();
        daily.get("days").forEach(d -> days.put(d.get("date").asText(), d.get("cost").asText()));
        assertEquals(Map.of("2024-10-26", "1", "2024-10-27", "6", "2024-10-28", "8"), days);
        Conservation.assertConserved(portal, BERLIN, LocalDate.parse("2024-10-25"), LocalDate.parse("2024-10-30"));
    }

    @Test
    void everyDayOfTheDatasetIsConserved(VitalsPortal portal) {
        Conservation.assertConserved(portal, BERLIN, LocalDate.parse("2024-09-09"), LocalDate.parse("2024-09-12"));
    }

    @Test
    void badParametersAreRefusedNamingTheParameter(VitalsPortal portal) {
        assertEquals("groupBy", problemField(portal, "groupBy=colour&from=2024-09-01&to=2024-10-01"));
        assertEquals("from", problemField(portal, "to=2024-10-01"));
        assertEquals("from", problemField(portal, "from=1.9.2024&to=2024-10-01"));
        assertEquals("to", problemField(portal, "from=2024-10-01&to=2024-09-01"));
        assertEquals("team", problemField(portal, "team=nobody&from=2024-09-01&to=2024-10-01"));
        assertEquals("team", problemField(portal, "service=checkout&team=payments&from=2024-09-01&to=2024-10-01"));
    }

    private static String problemField(VitalsPortal portal, String query) {
        PortalResponse answer = portal.viewer().get("/api/cost/costs?" + query);
        assertEquals(400, answer.status(), answer.body());
        assertEquals(Optional.of("application/problem+json"), answer.contentType());
        return answer.json().get("errors").get(0).get("field").asText();
    }
}
