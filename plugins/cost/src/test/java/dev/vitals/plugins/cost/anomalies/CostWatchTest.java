package dev.vitals.plugins.cost.anomalies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitals.plugins.cost.CostCatalog;
import dev.vitals.plugins.cost.DailyCosts;
import dev.vitals.plugins.cost.FocusCsv;
import dev.vitals.testkit.PortalResponse;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Detection through the API, in an organisation on Berlin time, on hand-computed data. Checkout costs 100 a weekday
 * and 60 a weekend day from Monday 2 September 2024 for five weeks, but 300 on Wednesday 2 October: its band is
 * expected × (1 ± 6 × 0.05), 70 to 130 on a weekday and 42 to 78 on a weekend. Finder has 9 days of 100 and then 300 on
 * 11 September: too little history, so it is compared with the same weekday a week before. Ledger costs 1 an hour
 * through October, so 25 on the 27th, when summer time ends, and 3 an hour on the 28th.
 */
class CostWatchTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .environment("VITALS_TIMEZONE", "Europe/Berlin")
            .catalog(CostCatalog.payments())
            .build();

    @BeforeAll
    static void importAndDetect(VitalsPortal portal) {
        FocusCsv checkout = DailyCosts.daily(new FocusCsv(), "checkout", LocalDate.parse("2024-09-02"),
                LocalDate.parse("2024-10-07"), BERLIN, day -> day.equals(LocalDate.parse("2024-10-02")) ? "300"
                        : day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY ? "60"
                        : "100");
        FocusCsv finder = DailyCosts.daily(new FocusCsv().account("gcp-1"), "finder", LocalDate.parse("2024-09-02"),
                LocalDate.parse("2024-09-12"), BERLIN, day -> day.getDayOfMonth() == 11 ? "300" : "100");
        FocusCsv ledger = new FocusCsv().account("acct-2").billingMonth("2024-10");
        for (Instant hour = LocalDate.parse("2024-10-01").atStartOfDay(BERLIN).toInstant();
                hour.isBefore(LocalDate.parse("2024-10-29").atStartOfDay(BERLIN).toInstant());
                hour = hour.plusSeconds(3600)) {
            boolean spike = hour.atZone(BERLIN).toLocalDate().equals(LocalDate.parse("2024-10-28"));
            ledger.usage(hour.toString(), spike ? "3" : "1", "fin-ledger");
        }
        for (FocusCsv file : List.of(checkout, finder, ledger)) {
            portal.admin().send("POST", "/api/cost/imports", "text/csv", file.text(), Map.of()).expect(201);
        }
        portal.runJob("detect-cost-anomalies");
    }

    private static List<JsonNode> anomalies(VitalsPortal portal, String query) {
        List<JsonNode> found = new ArrayList<>();
        portal.viewer().get("/api/cost/anomalies?" + query).expect(200).json().get("anomalies").forEach(found::add);
        return found;
    }

    @Test
    void aOneDayTripleIsAnAnomalyOnItsFirstDayAndTheWeekendsAreNot(VitalsPortal portal) {
        List<JsonNode> found = anomalies(portal, "service=checkout&from=2024-09-01&to=2024-11-01");

        assertEquals(1, found.size(), found.toString());
        JsonNode spike = found.get(0);
        assertEquals("checkout", spike.get("service").asText());
        assertEquals("payments", spike.get("team").asText());
        assertEquals("2024-10-02", spike.get("date").asText());
        assertEquals("300", spike.get("cost").asText());
        assertEquals("100", spike.get("expected").asText());
        assertEquals("70", spike.get("low").asText());
        assertEquals("130", spike.get("high").asText());
        assertEquals("200", spike.get("impact").asText());
        assertEquals(40.0, spike.get("score").asDouble(), 1e-9);
        assertEquals(false, spike.get("warmingUp").asBoolean());
    }

    @Test
    void withFewerThanFourteenDaysOfHistoryTheAnswerSaysItComparedWeekOverWeek(VitalsPortal portal) {
        List<JsonNode> found = anomalies(portal, "team=search&from=2024-09-01&to=2024-10-01");

        assertEquals(1, found.size(), found.toString());
        assertEquals("2024-09-11", found.get(0).get("date").asText());
        assertEquals("100", found.get(0).get("expected").asText(), "the Wednesday a week before");
        assertEquals("200", found.get(0).get("high").asText());
        assertTrue(found.get(0).get("warmingUp").asBoolean());
        assertEquals(SeasonalBaseline.WEEK_OVER_WEEK, found.get(0).get("method").asText());
    }

    @Test
    void theLongDaylightSavingDayIsExpectedToCostTwentyFiveHoursAndTheTripledDayAfterIsAnAnomaly(
            VitalsPortal portal) {
        List<JsonNode> found = anomalies(portal, "service=ledger&from=2024-10-01&to=2024-11-01");

        assertEquals(1, found.size(), found.toString());
        assertEquals("2024-10-28", found.get(0).get("date").asText());
        assertEquals("72", found.get(0).get("cost").asText());
        assertEquals("24", found.get(0).get("expected").asText(), "the 25-hour 27th counts as 24 per 24 hours");
    }

    @Test
    void anEditorOfTheOwningTeamDismissesWithAReasonAndAnotherTeamsEditorMayNot(VitalsPortal portal) {
        long id = anomalies(portal, "service=checkout&from=2024-10-01&to=2024-10-03").get(0).get("id").asLong();
        String path = "/api/cost/anomalies/" + id + "/dismiss";

        PortalResponse stranger = portal.editorOf("search").post(path, Map.of("reason", "planned"));
        assertEquals(403, stranger.status(), stranger.body());
        assertEquals(Optional.of("application/problem+json"), stranger.contentType());
        assertEquals("reason", portal.editorOf("payments").post(path, Map.of("reason", "bored")).expect(422).json()
                .get("errors").get(0).get("field").asText());

        JsonNode dismissed = portal.editorOf("payments").post(path, Map.of("reason", "planned", "note",
                "load test")).expect(200).json();

        assertEquals("planned", dismissed.get("dismissal").get("reason").asText());
        assertEquals("load test", dismissed.get("dismissal").get("note").asText());
        assertTrue(dismissed.get("dismissal").get("by").asText().length() > 0);
        assertEquals(List.of(), anomalies(portal, "service=checkout&state=open&from=2024-09-01&to=2024-11-01"));
        assertEquals(id, anomalies(portal, "service=checkout&state=dismissed&from=2024-09-01&to=2024-11-01").get(0)
                .get("id").asLong());
        assertEquals(409, portal.admin().post(path, Map.of("reason", "known")).status());
        assertTrue(portal.viewer().page("/p/cost/anomalies/" + id).expect(200).body().contains("dismissed as planned"));

        portal.runJob("detect-cost-anomalies");
        assertEquals("planned", anomalies(portal, "service=checkout&from=2024-10-02&to=2024-10-03").get(0)
                .get("dismissal").get("reason").asText(), "detection again keeps the dismissal");
    }

    @Test
    void theAnomaliesPageStatesTheMethodAndDrawsEachAnomalyWithItsBand(VitalsPortal portal) {
        long id = anomalies(portal, "service=ledger&from=2024-10-01&to=2024-11-01").get(0).get("id").asLong();

        String list = portal.viewer().page("/p/cost/anomalies?state=all").expect(200).body();
        String detail = portal.viewer().page("/p/cost/anomalies/" + id).expect(200).body();

        assertTrue(list.contains("seasonal median of the same weekday"), list);
        assertTrue(detail.contains("Daily cost of ledger with its expected band"), detail);
        assertTrue(detail.contains("Expected band"), detail);
        assertEquals(404, portal.viewer().page("/p/cost/anomalies/999999").status());
    }

    @Test
    void badParametersAreRefusedNamingTheParameter(VitalsPortal portal) {
        assertEquals("from", field(portal.viewer().get("/api/cost/anomalies?to=2024-10-01")));
        assertEquals("to", field(portal.viewer().get("/api/cost/anomalies?from=2024-10-01&to=2024-09-01")));
        assertEquals("team", field(portal.viewer().get("/api/cost/anomalies?from=2024-09-01&to=2024-10-01&team=x")));
        assertEquals("state", field(portal.viewer().get("/api/cost/anomalies?from=2024-09-01&to=2024-10-01&state=x")));
        assertEquals("id", field(portal.admin().post("/api/cost/anomalies/abc/dismiss", Map.of("reason", "known"))));
        assertEquals(404, portal.admin().post("/api/cost/anomalies/999999/dismiss", Map.of("reason", "known"))
                .status());
    }

    private static String field(PortalResponse answer) {
        assertEquals(400, answer.status(), answer.body());
        return answer.json().get("errors").get(0).get("field").asText();
    }
}
