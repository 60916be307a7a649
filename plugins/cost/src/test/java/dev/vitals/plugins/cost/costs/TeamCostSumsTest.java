package dev.vitals.plugins.cost.costs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitals.plugins.cost.BillingRows;
import dev.vitals.plugins.cost.Conservation;
import dev.vitals.plugins.cost.CostCatalog;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The overview by team, a team's daily series and the organisation's read the allocations summed per team and day;
 * a team scoped answer of {@code groupBy=team} and a service's series still read the allocation per service and day.
 * Both are checked against hand-computed figures after an import, a re-import of the same billing period and a rule
 * that re-allocates it. Teams: payments (checkout, ledger tagged fin-ledger) and search (finder); each test bills its
 * own month.
 */
class TeamCostSumsTest {

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .environment("VITALS_TIMEZONE", "UTC")
            .catalog(CostCatalog.payments())
            .build();

    /** Day one: checkout, ledger and finder with {@code first} of checkout, plus 12 shared; day two: checkout, finder. */
    private static void bill(VitalsPortal portal, String month, String first, String second) {
        String one = month + "-01T12:00:00Z";
        String two = month + "-02T12:00:00Z";
        portal.admin().send("POST", "/api/cost/imports", "text/csv", new BillingRows("acct-sums", month, "USD")
                .tagged(one, first, "{\"service\": \"checkout\"}")
                .tagged(one, "10", "{\"service\": \"fin-ledger\"}")
                .tagged(one, "20", "{\"service\": \"finder\"}")
                .tagged(one, "12", "{\"shared\": \"sums-" + month + "\"}")
                .tagged(two, second, "{\"service\": \"checkout\"}")
                .tagged(two, "7", "{\"service\": \"finder\"}")
                .text(), Map.of()).expect(201);
    }

    /** The overview by team, from the sums per team and day: team cost/direct/shared, unallocated and total. */
    private static Map<String, String> overview(VitalsPortal portal, String month) {
        return groups(portal.viewer().get("/api/cost/costs?groupBy=team&from=" + month + "-01&to=" + month + "-03")
                .expect(200).json());
    }

    /** The same, one team at a time: a scoped answer sums the team's services' rows per day. */
    private static Map<String, String> perService(VitalsPortal portal, String month) {
        Map<String, String> teams = new TreeMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (String team : List.of("payments", "search")) {
            JsonNode answer = portal.viewer().get("/api/cost/costs?groupBy=team&team=" + team + "&from=" + month
                    + "-01&to=" + month + "-03").expect(200).json();
            teams.putAll(groups(answer));
            total = total.add(new BigDecimal(answer.get("total").asText()));
        }
        JsonNode services = portal.viewer().get("/api/cost/costs?groupBy=service&from=" + month + "-01&to=" + month
                + "-03").expect(200).json();
        teams.put("unallocated", services.get("unallocated").asText());
        teams.put("total", services.get("total").asText());
        assertEquals(0, total.add(new BigDecimal(services.get("unallocated").asText()))
                .compareTo(new BigDecimal(services.get("total").asText())), "the teams and the unallocated line");
        return teams;
    }

    private static Map<String, String> groups(JsonNode answer) {
        Map<String, String> groups = new TreeMap<>();
        answer.get("groups").forEach(g -> groups.put(g.get("key").asText(), g.get("cost").asText() + "/"
                + g.get("direct").asText() + "/" + g.get("shared").asText()));
        groups.put("unallocated", answer.get("unallocated").asText());
        groups.put("total", answer.get("total").asText());
        return groups;
    }

    /** A daily series as date=cost, over the month's first two days. */
    private static Map<String, String> series(VitalsPortal portal, String month, String scope) {
        Map<String, String> days = new LinkedHashMap<>();
        portal.viewer().get("/api/cost/costs/daily?" + scope + "from=" + month + "-01&to=" + month + "-03")
                .expect(200).json().get("days").forEach(d -> days.put(d.get("date").asText(), d.get("cost").asText()));
        return days;
    }

    /** Payments' series summed from its two services' own series, which read the rows per service and day. */
    private static Map<String, String> paymentsPerService(VitalsPortal portal, String month) {
        Map<String, String> checkout = series(portal, month, "service=checkout&");
        Map<String, String> ledger = series(portal, month, "service=ledger&");
        Map<String, String> days = new LinkedHashMap<>();
        checkout.forEach((day, cost) -> days.put(day, new BigDecimal(cost).add(new BigDecimal(ledger.get(day)))
                .stripTrailingZeros().toPlainString()));
        return days;
    }

    private static void assertAgrees(VitalsPortal portal, String month, Map<String, String> teams,
            Map<String, String> payments, Map<String, String> search, Map<String, String> organisation) {
        assertEquals(teams, overview(portal, month), "the overview by team");
        assertEquals(teams, perService(portal, month), "the teams one at a time, per service and day");
        assertEquals(payments, series(portal, month, "team=payments&"), "payments' series");
        assertEquals(payments, paymentsPerService(portal, month), "checkout's and ledger's series added");
        assertEquals(search, series(portal, month, "team=search&"), "search's series");
        assertEquals(search, series(portal, month, "service=finder&"), "finder's series: search's one service");
        assertEquals(organisation, series(portal, month, ""), "the organisation's series");
        LocalDate first = LocalDate.parse(month + "-01");
        Conservation.assertConserved(portal, ZoneOffset.UTC, first, first.plusDays(2));
    }

    @Test
    void teamSumsAnswerAsTheServicesDoAfterAnImportAReimportAndAReallocation(VitalsPortal portal) {
        bill(portal, "2024-10", "30", "5");
        assertAgrees(portal, "2024-10",
                Map.of("payments", "45/45/0", "search", "27/27/0", "unallocated", "12", "total", "84"),
                Map.of("2024-10-01", "40", "2024-10-02", "5"),
                Map.of("2024-10-01", "20", "2024-10-02", "7"),
                Map.of("2024-10-01", "72", "2024-10-02", "12"));

        bill(portal, "2024-10", "50", "15");
        assertAgrees(portal, "2024-10",
                Map.of("payments", "75/75/0", "search", "27/27/0", "unallocated", "12", "total", "114"),
                Map.of("2024-10-01", "60", "2024-10-02", "15"),
                Map.of("2024-10-01", "20", "2024-10-02", "7"),
                Map.of("2024-10-01", "92", "2024-10-02", "22"));

        // 12 split in proportion to 50 : 10 : 20 of direct cost on the 1st: checkout 7.5, ledger 1.5, finder 3.
        portal.admin().send("POST", "/api/cost/rules?reallocate=from:2024-10-01", "application/json", """
                {"name": "sums-2024-10", "match": {"tag": {"shared": "sums-2024-10"}}, "split": "proportional",
                 "among": "org"}""", Map.of()).expect(201);
        assertAgrees(portal, "2024-10",
                Map.of("payments", "84/75/9", "search", "30/27/3", "unallocated", "0", "total", "114"),
                Map.of("2024-10-01", "69", "2024-10-02", "15"),
                Map.of("2024-10-01", "23", "2024-10-02", "7"),
                Map.of("2024-10-01", "92", "2024-10-02", "22"));
    }

    @Test
    void allocationsStoredBeforeTheTeamSumsAreSummedOnTheNextAnswer(VitalsPortal portal) {
        bill(portal, "2024-11", "30", "5");
        overview(portal, "2024-11");
        // As the migration that brought the sums in leaves a database whose allocations were already stored.
        portal.pluginJdbi().useHandle(h -> {
            h.execute("DELETE FROM allocation_team_days");
            h.execute("UPDATE allocation_state SET teams_summed = false");
            h.execute("INSERT INTO allocation_dirty (first_start, last_start) "
                    + "VALUES ('2030-01-01T00:00:00Z', '2030-01-01T00:00:00Z')");
        });

        assertAgrees(portal, "2024-11",
                Map.of("payments", "45/45/0", "search", "27/27/0", "unallocated", "12", "total", "84"),
                Map.of("2024-11-01", "40", "2024-11-02", "5"),
                Map.of("2024-11-01", "20", "2024-11-02", "7"),
                Map.of("2024-11-01", "72", "2024-11-02", "12"));
    }
}
