package dev.vitals.plugins.cost.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitals.plugins.cost.BillingRows;
import dev.vitals.plugins.cost.Conservation;
import dev.vitals.plugins.cost.CostCatalog;
import dev.vitals.testkit.PortalResponse;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Shared-cost rules on hand-computed days, in an organisation on Berlin time. Each test bills its own account and
 * tags its shared rows with its own value, so that its rule takes only its rows. On most days the services' own cost
 * is checkout 30, ledger (tagged fin-ledger) 10 and finder 20: 60 in all, so a proportional split of 12 gives 6, 2
 * and 4, an even one among the organisation's three services 4 each.
 */
class SharedCostRulesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .environment("VITALS_TIMEZONE", "Europe/Berlin")
            .catalog(CostCatalog.payments())
            .build();

    /** Own cost 30, 10 and 20 at noon in Berlin, and 12 of shared cost tagged {@code shared=<pool>}. */
    private static void billDay(VitalsPortal portal, String account, String day, String pool) {
        String noon = day + "T10:00:00Z";
        importFile(portal, new BillingRows(account, day.substring(0, 7), "USD")
                .tagged(noon, "30", "{\"service\": \"checkout\"}")
                .tagged(noon, "10", "{\"service\": \"fin-ledger\"}")
                .tagged(noon, "20", "{\"service\": \"finder\"}")
                .tagged(noon, "12", "{\"shared\": \"" + pool + "\"}")
                .text());
    }

    private static void importFile(VitalsPortal portal, String csv) {
        portal.admin().send("POST", "/api/cost/imports", "text/csv", csv, Map.of()).expect(201);
    }

    private static PortalResponse rule(VitalsPortal portal, String method, String path, String body) {
        return portal.admin().send(method, path, "application/json", body, Map.of());
    }

    private static String ruleBody(String name, String pool, String split, String among) {
        return """
                {"name": "%s", "match": {"tag": {"shared": "%s"}}, "split": %s, "among": "%s"}"""
                .formatted(name, pool, split, among);
    }

    /** Per service of the day: cost/direct/shared. */
    private static Map<String, String> services(VitalsPortal portal, String day) {
        LocalDate d = LocalDate.parse(day);
        JsonNode answer = portal.viewer().get("/api/cost/costs?groupBy=service&from=" + d + "&to=" + d.plusDays(1))
                .expect(200).json();
        Map<String, String> groups = new LinkedHashMap<>();
        answer.get("groups").forEach(g -> groups.put(g.get("key").asText(), g.get("cost").asText() + "/"
                + g.get("direct").asText() + "/" + g.get("shared").asText()));
        groups.put("unallocated", answer.get("unallocated").asText());
        return groups;
    }

    private static void assertConserved(VitalsPortal portal, String day) {
        LocalDate d = LocalDate.parse(day);
        Conservation.assertConserved(portal, BERLIN, d.minusDays(1), d.plusDays(2));
    }

    @Test
    void anEvenSplitGivesEachServiceOfTheOrganisationTheSameShare(VitalsPortal portal) {
        billDay(portal, "acct-even", "2024-09-02", "even");
        assertEquals(Map.of("checkout", "30/30/0", "finder", "20/20/0", "ledger", "10/10/0", "unallocated", "12"),
                services(portal, "2024-09-02"), "before any rule, shared cost is unallocated");

        rule(portal, "POST", "/api/cost/rules?reallocate=from:2024-09-01",
                ruleBody("even-pool", "even", "\"even\"", "org")).expect(201);

        assertEquals(Map.of("checkout", "34/30/4", "finder", "24/20/4", "ledger", "14/10/4", "unallocated", "0"),
                services(portal, "2024-09-02"));
        assertConserved(portal, "2024-09-02");
    }

    @Test
    void aProportionalSplitFollowsEachServicesDirectCostThatDay(VitalsPortal portal) {
        billDay(portal, "acct-prop", "2024-09-03", "prop");

        rule(portal, "POST", "/api/cost/rules?reallocate=from:2024-09-03",
                ruleBody("prop-pool", "prop", "\"proportional\"", "org")).expect(201);

        assertEquals(Map.of("checkout", "36/30/6", "finder", "24/20/4", "ledger", "12/10/2", "unallocated", "0"),
                services(portal, "2024-09-03"));
        assertConserved(portal, "2024-09-03");
    }

    @Test
    void aMeasureSplitFollowsTheMeasureAndADayWithoutItFallsBackToEven(VitalsPortal portal) {
        billDay(portal, "acct-traffic", "2024-09-04", "traffic");
        importFile(portal, new BillingRows("acct-traffic-2", "2024-09", "USD")
                .tagged("2024-09-05T10:00:00Z", "12", "{\"shared\": \"traffic\"}").text());
        // What the SLO plugin publishes: requests of checkout and ledger on the 4th, nothing on the 5th.
        portal.jdbi().useHandle(h -> h.execute("""
                INSERT INTO core.measures (name, entity, day, value, plugin, updated_at) VALUES
                ('slo.requests', 'component:default/checkout', '2024-09-04', 300, 'slo', now()),
                ('slo.requests', 'component:default/ledger', '2024-09-04', 100, 'slo', now())"""));

        rule(portal, "POST", "/api/cost/rules?reallocate=from:2024-09-04",
                ruleBody("traffic-pool", "traffic", "{\"measure\": \"slo.requests\"}", "team:payments")).expect(201);

        assertEquals(Map.of("checkout", "39/30/9", "finder", "20/20/0", "ledger", "13/10/3", "unallocated", "0"),
                services(portal, "2024-09-04"), "12 split 300 : 100 between payments' two services");
        assertEquals(Map.of("checkout", "6/0/6", "ledger", "6/0/6", "unallocated", "0"),
                services(portal, "2024-09-05"), "no requests that day: the split falls back to even");
        assertConserved(portal, "2024-09-04");
    }

    @Test
    void aChangedRuleLeavesHistoryAloneUnlessAskedAndRecordsTheReallocation(VitalsPortal portal) {
        billDay(portal, "acct-change", "2024-09-06", "change");
        rule(portal, "POST", "/api/cost/rules?reallocate=from:2024-09-06",
                ruleBody("change-pool", "change", "\"even\"", "org")).expect(201);

        JsonNode unasked = rule(portal, "PUT", "/api/cost/rules/change-pool",
                ruleBody("change-pool", "change", "\"proportional\"", "org")).expect(200).json();

        LocalDate today = LocalDate.ofInstant(portal.clock().instant(), BERLIN);
        assertEquals(today.toString(), unasked.get("rule").get("effectiveFrom").asText());
        assertEquals(Map.of("checkout", "34/30/4", "finder", "24/20/4", "ledger", "14/10/4", "unallocated", "0"),
                services(portal, "2024-09-06"), "the change applies from today on: the 6th keeps its even split");

        JsonNode asked = rule(portal, "PUT", "/api/cost/rules/change-pool?reallocate=from:2024-09-06",
                ruleBody("change-pool", "change", "\"proportional\"", "org")).expect(200).json();

        assertEquals(Map.of("checkout", "36/30/6", "finder", "24/20/4", "ledger", "12/10/2", "unallocated", "0"),
                services(portal, "2024-09-06"));
        assertEquals("2024-09-06", asked.get("reallocation").get("firstDay").asText());
        JsonNode recorded = portal.viewer().get("/api/cost/rules").expect(200).json().get("reallocations").get(0);
        assertEquals("rule change-pool", recorded.get("subject").asText());
        assertEquals("2024-09-06", recorded.get("firstDay").asText());
        assertEquals(portal.admin().caller(), recorded.get("doneBy").asText());
        assertTrue(Instant.parse(recorded.get("doneAt").asText()).isAfter(portal.clock().instant().minusSeconds(600)));
        assertConserved(portal, "2024-09-06");
    }

    @Test
    void aSharedCostBilledInEurosIsConvertedBeforeItIsSplit(VitalsPortal portal) {
        portal.admin().put("/api/cost/rates/EUR/2024-09", Map.of("rate", new java.math.BigDecimal("1.2"))).expect(200);
        importFile(portal, new BillingRows("acct-eur", "2024-09", "EUR")
                .tagged("2024-09-07T10:00:00Z", "10", "{\"shared\": \"eur\"}").text());

        rule(portal, "POST", "/api/cost/rules?reallocate=from:2024-09-07",
                ruleBody("eur-pool", "eur", "\"even\"", "org")).expect(201);

        assertEquals(Map.of("checkout", "4/0/4", "finder", "4/0/4", "ledger", "4/0/4", "unallocated", "0"),
                services(portal, "2024-09-07"), "10 EUR at 1.2 is 12 USD, a third each");
        assertConserved(portal, "2024-09-07");
    }

    @Test
    void theLongDayOfDaylightSavingTimeEndSplitsAll25Hours(VitalsPortal portal) {
        importFile(portal, new BillingRows("acct-dst", "2024-10", "USD")
                .tagged("2024-10-26T22:30:00Z", "6", "{\"shared\": \"dst\"}")     // 00:30 on the 27th (CEST)
                .tagged("2024-10-27T22:30:00Z", "6", "{\"shared\": \"dst\"}")     // 23:30 on the 27th (CET)
                .tagged("2024-10-27T23:30:00Z", "3", "{\"shared\": \"dst\"}")     // 00:30 on the 28th
                .text());

        rule(portal, "POST", "/api/cost/rules?reallocate=from:2024-10-01",
                ruleBody("dst-pool", "dst", "\"even\"", "team:payments")).expect(201);

        assertEquals(Map.of("checkout", "6/0/6", "ledger", "6/0/6", "unallocated", "0"),
                services(portal, "2024-10-27"));
        JsonNode daily = portal.viewer().get("/api/cost/costs/daily?team=payments&from=2024-10-27&to=2024-10-29")
                .expect(200).json();
        assertEquals("12", daily.get("days").get(0).get("cost").asText());
        assertEquals("3", daily.get("days").get(1).get("cost").asText());
        Conservation.assertConserved(portal, BERLIN, LocalDate.parse("2024-10-26"), LocalDate.parse("2024-10-29"));
    }

    @Test
    void rowsNoRuleTakesAreTheirOwnUnallocatedLine(VitalsPortal portal) {
        importFile(portal, new BillingRows("acct-loose", "2024-09", "USD")
                .tagged("2024-09-08T10:00:00Z", "30", "{\"service\": \"checkout\"}")
                .tagged("2024-09-08T10:00:00Z", "5", "{\"shared\": \"nobody-takes-this\"}")
                .tagged("2024-09-08T11:00:00Z", "2.5", null)
                .text());

        assertEquals(Map.of("checkout", "30/30/0", "unallocated", "7.5"), services(portal, "2024-09-08"));
        JsonNode team = portal.viewer().get("/api/cost/costs?groupBy=team&from=2024-09-08&to=2024-09-09").expect(200)
                .json();
        assertEquals("37.5", team.get("total").asText(), "the unallocated line is never dropped");
        assertConserved(portal, "2024-09-08");
    }

    @Test
    void resourcePrefixAndSubAccountRulesTakeWhatNoTagNames(VitalsPortal portal) {
        importFile(portal, new BillingRows("acct-direct", "2024-09", "USD")
                .row("2024-09-09T10:00:00Z", "8", "arn:aws:s3:::checkout-logs", null, "Amazon S3", null)
                .row("2024-09-09T10:00:00Z", "1", "arn:aws:s3:::checkout-logs", null, "Amazon S3",
                        "{\"service\": \"finder\"}")
                .row("2024-09-09T10:00:00Z", "10", "i-0abc", "sub-pay", "Amazon EC2", null)
                .row("2024-09-09T10:00:00Z", "4", "i-0def", "sub-other", "Amazon EC2", null)
                .text());
        assertEquals(Map.of("finder", "1/1/0", "unallocated", "22"), services(portal, "2024-09-09"));

        portal.admin().put("/api/cost/resource-rules", Map.of("prefix", "arn:aws:s3:::checkout-",
                "service", "checkout")).expect(200);
        portal.admin().put("/api/cost/sub-account-rules/sub-pay", Map.of("team", "payments")).expect(200);

        assertEquals(Map.of("checkout", "13/13/0", "ledger", "5/5/0", "finder", "1/1/0", "unallocated", "4"),
                services(portal, "2024-09-09"), "the tag wins over the prefix; sub-pay's 10 spread evenly "
                        + "over payments' two services");
        JsonNode direct = portal.viewer().get("/api/cost/direct-rules").expect(200).json();
        assertEquals("checkout", direct.get("resourceRules").get(0).get("service").asText());
        assertEquals("payments", direct.get("subAccountRules").get(0).get("team").asText());
        assertConserved(portal, "2024-09-09");
    }

    @Test
    void aPreviewShowsTheEffectPerServiceAndSavesNothing(VitalsPortal portal) {
        billDay(portal, "acct-preview", "2024-09-11", "preview");

        JsonNode preview = rule(portal, "POST", "/api/cost/rules/preview?from=2024-09-11&to=2024-09-12",
                ruleBody("preview-pool", "preview", "\"proportional\"", "org")).expect(200).json();

        assertEquals("12", preview.get("unallocatedBefore").asText());
        assertEquals("0", preview.get("unallocatedAfter").asText());
        Map<String, String> lines = new LinkedHashMap<>();
        preview.get("services").forEach(l -> lines.put(l.get("service").asText(), l.get("before").asText() + " -> "
                + l.get("after").asText() + " (" + l.get("change").asText() + ")"));
        assertEquals(Map.of("checkout", "30 -> 36 (6)", "finder", "20 -> 24 (4)", "ledger", "10 -> 12 (2)"), lines);
        assertEquals(404, portal.viewer().get("/api/cost/rules/preview-pool").status());
        assertEquals("12", services(portal, "2024-09-11").get("unallocated"));
    }

    @Test
    void aProgramSaysWhichOtherProgramsCountItsServicesToo(VitalsPortal portal) {
        billDay(portal, "acct-programs", "2024-09-12", "programs");

        JsonNode programs = portal.viewer().get("/api/cost/costs?groupBy=program&from=2024-09-12&to=2024-09-13")
                .expect(200).json();

        Map<String, String> sharing = new LinkedHashMap<>();
        programs.get("groups").forEach(g -> sharing.put(g.get("key").asText(), g.get("cost").asText() + " "
                + g.get("sharedWithPrograms")));
        assertEquals(Map.of("core", "40 [\"growth\"]", "growth", "50 [\"core\"]"), sharing);
    }

    @Test
    void onlyAdminsChangeRules(VitalsPortal portal) {
        PortalResponse editor = portal.editorOf("payments").send("POST", "/api/cost/rules", "application/json",
                ruleBody("sneaky", "x", "\"even\"", "org"), Map.of());

        assertEquals(403, editor.status());
        assertEquals(403, portal.editorOf("payments").put("/api/cost/resource-rules", Map.of("prefix", "arn:",
                "service", "checkout")).status());
        assertEquals(404, portal.viewer().get("/api/cost/rules/sneaky").status());
    }

    @Test
    void badRuleBodiesAreRefusedNamingTheField(VitalsPortal portal) {
        assertEquals("name", refusedField(portal, ruleBody("Bad Name!", "x", "\"even\"", "org")));
        assertEquals("match", refusedField(portal, "{\"name\": \"bad\", \"split\": \"even\", \"among\": \"org\"}"));
        assertEquals("match.tag", refusedField(portal, "{\"name\": \"bad\", \"match\": {\"tag\": \"shared\"}, "
                + "\"among\": \"org\"}"));
        assertEquals("split", refusedField(portal, ruleBody("bad", "x", "\"lopsided\"", "org")));
        assertEquals("split.measure", refusedField(portal, ruleBody("bad", "x", "{\"measure\": 5}", "org")));
        assertEquals("among", refusedField(portal, ruleBody("bad", "x", "\"even\"", "galaxy")));
        assertEquals("among", refusedField(portal, ruleBody("bad", "x", "\"even\"", "team:nobody")));
        assertEquals("reallocate", portal.admin().send("POST", "/api/cost/rules?reallocate=yesterday",
                "application/json", ruleBody("bad", "x", "\"even\"", "org"), Map.of()).expect(400).json()
                .get("errors").get(0).get("field").asText());
        assertEquals(404, portal.viewer().get("/api/cost/rules/bad").status(), "nothing saved");
    }

    private static String refusedField(VitalsPortal portal, String body) {
        PortalResponse answer = rule(portal, "POST", "/api/cost/rules", body);
        assertEquals(422, answer.status(), answer.body());
        assertEquals(Optional.of("application/problem+json"), answer.contentType());
        return answer.json().get("errors").get(0).get("field").asText();
    }
}
