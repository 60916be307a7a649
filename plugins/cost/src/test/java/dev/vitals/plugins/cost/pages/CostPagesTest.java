package dev.vitals.plugins.cost.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.EntityRef;
import dev.vitals.api.MeasurePoint;
import dev.vitals.core.measures.MeasureStore;
import dev.vitals.plugins.cost.CostCatalog;
import dev.vitals.plugins.cost.FocusCsv;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The overview, the team and program panels, the service tab and the imports page as HTML, on one hand-computed
 * dataset, today being Wednesday 10 December 2031 (UTC), the exports reaching the 9th. From 1 October every day:
 * checkout 10 and ledger 2 (Compute on AWS), finder 5 (Storage on GCP) but 8 from 3 December, and 1 untagged
 * (Compute on AWS). A September row of another account is billed 12 for an effective 10.
 */
class CostPagesTest {

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .environment("VITALS_TIMEZONE", "UTC")
            .catalog(CostCatalog.payments().team("idle"))
            .build();

    @BeforeAll
    static void importAndSetTheClock(VitalsPortal portal) {
        portal.moveClockOn(Duration.between(portal.clock().instant(), Instant.parse("2031-12-10T12:00:00Z")));
        FocusCsv aws = new FocusCsv();
        FocusCsv gcp = new FocusCsv().account("gcp-1").provider("GCP").category("Storage");
        for (LocalDate day = LocalDate.parse("2031-10-01"); day.isBefore(LocalDate.parse("2031-12-10"));
                day = day.plusDays(1)) {
            String month = YearMonth.from(day).toString();
            aws.billingMonth(month).usage(day + "T08:00:00Z", "10", "checkout")
                    .usage(day + "T09:00:00Z", "2", "fin-ledger").usage(day + "T10:00:00Z", "1", null);
            gcp.billingMonth(month).usage(day + "T08:00:00Z", day.isBefore(LocalDate.parse("2031-12-03")) ? "5" : "8",
                    "finder");
        }
        String reconciled = new FocusCsv().account("acct-rec").billingMonth("2031-09")
                .row("2031-09-15T08:00:00Z", "Usage", "NULL", "12", "10", null).text();
        for (String file : List.of(aws.text(), gcp.text(), reconciled)) {
            portal.admin().send("POST", "/api/cost/imports", "text/csv", file, Map.of()).expect(201);
        }
        List<MeasurePoint> requests = new ArrayList<>();
        for (LocalDate day = LocalDate.parse("2031-11-10"); day.isBefore(LocalDate.parse("2031-12-10"));
                day = day.plusDays(1)) {
            requests.add(new MeasurePoint("slo.requests", EntityRef.of("component", "checkout"), day,
                    BigDecimal.valueOf(1000)));
        }
        new MeasureStore(portal.jdbi(), portal.clock()).publish("slo", requests);
    }

    @Test
    void theOverviewStacksTheCategoriesPerMonthOverThirteenMonths(VitalsPortal portal) {
        String page = portal.viewer().page("/p/cost/").expect(200).body();

        assertTrue(page.contains("<h2>Cost trend by category, last 13 months</h2>"), page);
        assertTrue(page.contains("<th scope=\"col\">Compute (USD/month)</th><th scope=\"col\">Storage (USD/month)</th>"),
                "largest category first: " + page);
        assertTrue(page.contains("<tr><th scope=\"row\">2030-12-01</th><td>0.00</td><td>0.00</td></tr>"), page);
        assertTrue(page.contains("<tr><th scope=\"row\">2031-09-01</th><td>10.00</td><td>0.00</td></tr>"), page);
        // October: 31 days of 13 Compute and 5 Storage; December to the 9th: 9 × 13, and 2 × 5 + 7 × 8.
        assertTrue(page.contains("<tr><th scope=\"row\">2031-10-01</th><td>403.00</td><td>155.00</td></tr>"), page);
        assertTrue(page.contains("<tr><th scope=\"row\">2031-12-01</th><td>117.00</td><td>66.00</td></tr>"), page);
    }

    @Test
    void theOverviewShowsTeamsTheUnallocatedShareTheMoversTheForecastAndTheAnomaliesLink(VitalsPortal portal) {
        String page = portal.viewer().page("/p/cost/").expect(200).body();

        // 10 November to 9 December: payments 30 × 12, search 23 × 5 + 7 × 8, unallocated 30 × 1.
        assertTrue(page.contains("<h2>Cost per team, 2031-11-10 to 2031-12-09</h2>"), page);
        assertTrue(page.contains("Total 561.00 USD; unallocated, naming no service of the catalog: 30.00 USD (5.3 %)"),
                page);
        assertTrue(page.contains("<td><a href=\"/teams/payments\">payments</a></td><td>360.00</td><td>64.2 %</td>"),
                page);
        assertTrue(page.contains("<td><a href=\"/services/finder?tab=cost.cost\">finder</a></td><td>35.00</td>"
                + "<td>56.00</td><td>+21.00</td><td>+60.0 %</td>"), "finder alone moved: " + page);
        assertFalse(page.contains(">checkout</a></td><td>70.00"), "an unchanged service is no mover");
        assertTrue(page.contains("<h2>Open anomalies</h2>"), page);
        assertTrue(page.contains("<a href=\"/p/cost/anomalies\">All cost anomalies</a>"), page);
        assertTrue(page.contains("<a href=\"/p/cost/imports\">"), page);
        assertTrue(page.contains("<td>This month: 2031-12-01 to 2031-12-31</td>"), page);
        assertTrue(page.contains("<td>This quarter, from this month: 2031-12-01 to 2031-12-31</td>"),
                "December ends the fourth quarter: " + page);
    }

    @Test
    void aBadNumberOfMonthsShowsTheOverviewAgainWithTheFieldMarked(VitalsPortal portal) {
        String bad = portal.viewer().page("/p/cost/?months=lots").expect(200).body();
        String three = portal.viewer().page("/p/cost/?months=3").expect(200).body();

        assertTrue(bad.contains("aria-invalid=\"true\""), bad);
        assertTrue(bad.contains("<strong class=\"field-error\" id=\"months-error\">must be a whole number from 1 to 24, "
                + "got 'lots'</strong>"), bad);
        assertTrue(bad.contains("value=\"lots\""), "what was typed stays in the field: " + bad);
        assertTrue(bad.contains("last 13 months"), "the default window is shown meanwhile");
        assertTrue(three.contains("<h2>Cost trend by category, last 3 months</h2>"), three);
        assertFalse(three.contains("aria-invalid"), three);
    }

    @Test
    void theTeamPanelForecastsAFlatMonthExactlyAndBreaksTheCostDown(VitalsPortal portal) {
        String page = portal.viewer().page("/teams/payments").expect(200).body();

        // checkout 10 and ledger 2 a day: December's 31 days are 372, 9 of them known.
        assertTrue(page.contains("<td>This month: 2031-12-01 to 2031-12-31</td><td>108.00</td><td>372.00</td>"
                + "\n            <td>372.00 to 372.00</td>"), page);
        assertTrue(page.contains("<td><a href=\"/services/checkout?tab=cost.cost\">checkout</a></td><td>300.00</td>"
                + "<td>83.3 %</td>"), page);
        assertTrue(page.contains("<tr><td>AWS</td><td>360.00</td><td>100.0 %</td></tr>"), page);
        assertTrue(page.contains("<caption>Effective cost per day, last 90 days</caption>"), page);
        assertTrue(page.contains("<tr><th scope=\"row\">2031-12-09</th><td>12.00</td></tr>"), page);
    }

    @Test
    void theProgramPanelSaysWhichServicesAreSharedWithOtherPrograms(VitalsPortal portal) {
        String page = portal.viewer().page("/programs/growth").expect(200).body();

        assertTrue(page.contains("1 of them is shared with other programs and counts in full in each."), page);
        assertTrue(page.contains("<td><a href=\"/services/checkout?tab=cost.cost\">checkout</a></td><td>300.00</td>"
                + "<td>63.7 %</td>\n                <td><a href=\"/programs/core\">core</a> </td>"), page);
        assertTrue(page.contains("<td>This quarter, from this month: 2031-12-01 to 2031-12-31</td>"), page);
    }

    @Test
    void aTeamWithoutServicesSaysHowItGetsCost(VitalsPortal portal) {
        String page = portal.viewer().page("/teams/idle").expect(200).body();

        assertTrue(page.contains("<p class=\"empty-state\">This team owns no service, so it has no cost. Services name "
                + "their team with <code>spec.owner</code> in the catalog."), page);
    }

    @Test
    void theServiceTabShowsTheUnitCostNextToTheTrafficTheSloPluginCounted(VitalsPortal portal) {
        String checkout = portal.viewer().page("/services/checkout?tab=cost.cost").expect(200).body();
        String finder = portal.viewer().page("/services/finder?tab=cost.cost").expect(200).body();

        // 300 over 30,000 requests.
        assertTrue(checkout.contains("<p>10.0000 USD per thousand requests, 2031-11-10 to 2031-12-09: 300.00 USD for "
                + "30000 requests.</p>"), checkout);
        assertTrue(checkout.contains("<th scope=\"col\">Requests (requests/day)</th>"), checkout);
        assertTrue(checkout.contains("<tr><th scope=\"row\">2031-12-09</th><td>1000</td></tr>"), checkout);
        assertTrue(checkout.contains("<td>This month: 2031-12-01 to 2031-12-31</td><td>90.00</td><td>310.00</td>"),
                checkout);
        assertTrue(finder.contains("<p class=\"empty-state\">No request counts for finder in this period: the SLO "
                + "plugin publishes <code>slo.requests</code> for services with an SLO.</p>"), finder);
    }

    @Test
    void theImportsPageReconcilesBilledWithEffectivePerInvoiceAndPages(VitalsPortal portal) {
        String page = portal.viewer().page("/p/cost/imports").expect(200).body();
        String second = portal.viewer().page("/p/cost/imports?page=2").expect(200).body();
        String bad = portal.viewer().page("/p/cost/imports?page=0").expect(200).body();

        assertTrue(page.contains("<td>AWS INV-acct-rec-2031-09</td>\n                        <td>USD</td><td>12</td>"
                + "<td>10</td><td>2</td>"), page);
        assertTrue(page.contains("<td>GCP INV-gcp-1-2031-12</td>"), page);
        assertTrue(second.contains("none of 3 on page 2"), second);
        assertTrue(second.contains("href=\"/p/cost/imports?page=1\" rel=\"prev\""), second);
        assertTrue(bad.contains("<strong class=\"field-error\" id=\"page-error\">must be a whole number"), bad);
        assertTrue(bad.contains("<td>GCP INV-gcp-1-2031-12</td>"), "the first page is shown meanwhile: " + bad);
    }
}
