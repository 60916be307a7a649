package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.plugins.cost.CostPlugin;
import dev.vitals.plugins.deploys.DeploysPlugin;
import dev.vitals.plugins.graph.GraphPlugin;
import dev.vitals.plugins.slo.SloPlugin;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One subject, one window, every page that speaks of it: the whole demo product in headless Chromium. The program
 * Availability, its component Web Recording, team Recording, service recorder-api and its SLO
 * recorder-api-availability tell the same story on the program page, the monthly review opened from it, the team
 * page, the component dashboard, the service page and the home page, and each names its window; and billing-api's
 * change failure rate is one number on the home page, the deploys service page and its Deploys tab.
 */
class OneTruthBrowserTest {

    private static final String SLO = "recorder-api-availability";
    /** A budget left in the SLO's rolling window, as its signal and pages write it. */
    private static final Pattern ROLLING = Pattern.compile(SLO.replace("-", "\\-")
            + " \\(rolling 30 d\\): [^%]*?(-?\\d+\\.\\d) % of the error budget left");
    private static final Pattern PERCENT = Pattern.compile("(-?\\d+\\.\\d) %");
    private static final Pattern FAILURE_RATE = Pattern.compile("change failure rate (\\d+\\.\\d) %");

    @RegisterExtension
    static final BrowserPortal PORTAL = BrowserPortal.demoBehindProxy(TestPlugins.of().with("slo", SloPlugin::new)
            .with("deploys", DeploysPlugin::new).with("cost", CostPlugin::new).with("graph", GraphPlugin::new)
            .source());

    private static Page viewer() {
        return PORTAL.browser().newContext(Map.of("X-Forwarded-User", "vera", "X-Forwarded-Groups", "staff"))
                .newPage();
    }

    private static Page open(Page page, String path) {
        page.navigate(PORTAL.server().uri(path).toString());
        return page;
    }

    private static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertTrue(m.find(), pattern + " not in: " + text);
        return m.group(1);
    }

    /** The rolling window moves on by the minute between two pages; a tenth of a point is the most it may move. */
    private static void assertClose(String expected, String actual, String where) {
        assertTrue(Math.abs(Double.parseDouble(expected) - Double.parseDouble(actual)) <= 0.11,
                where + ": " + actual + " % against " + expected + " %");
    }

    private static Locator row(Page page, String table, String text) {
        return page.locator(table + " tr").filter(new Locator.FilterOptions().setHasText(text)).first();
    }

    /** The first row of the page's tables that states the SLO's rolling verdict. */
    private static String rollingRow(Page page, String table) {
        return page.locator(table + " tr").filter(new Locator.FilterOptions().setHasText(SLO + " (rolling 30 d)"))
                .first().textContent();
    }

    @Test
    void theProgramReviewTeamComponentServiceAndHomePagesAgreeOnAnSloAndNameTheirWindows() {
        String month = YearMonth.now(PORTAL.server().vitals().clock().withZone(ZoneOffset.UTC)).toString();
        Page page = open(viewer(), "/programs/availability");

        // This month, per availability component, as the program page's SLO panel says it.
        String panel = page.locator("table.slo-outcome").textContent();
        assertTrue(page.locator("main").textContent().contains(month + ", month to date"), "the panel names its window");
        String panelRow = row(page, "table.slo-outcome", SLO).textContent();
        String used = group(PERCENT, panelRow);
        String compliance = panelRow.contains("(missed)") ? "missed" : "met";
        assertTrue(panel.contains("Web Recording"), panel);
        // The services in scope show the policy over the SLO's own window, named.
        String left = group(ROLLING, rollingRow(page, "table.data"));

        // The review, opened from the program page, is this month and this program, and says the same.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("monthly review of availability")).click();
        page.waitForURL(url -> url.contains("/p/slo/review"));
        assertTrue(page.url().contains("program=availability") && page.url().contains("month=" + month), page.url());
        assertTrue(page.locator("p.window").textContent().contains(month + ", month to date"));
        String reviewRow = row(page, "table.data", SLO).textContent();
        assertTrue(reviewRow.contains(used + " %"), "review: " + reviewRow + " against " + used);
        assertTrue(reviewRow.contains(compliance), reviewRow);

        // The team page: the same month, the same budget used, the same policy now.
        open(page, "/teams/recording");
        String teamRow = row(page, "table.team-slos", SLO).textContent();
        assertTrue(teamRow.contains("(" + compliance + ", " + used + " % of budget)"), teamRow);
        assertClose(left, group(ROLLING, teamRow), "team page");

        // The component dashboard: the same SLO over the same rolling window.
        open(page, "/p/slo/components/web-recording");
        Locator componentRow = row(page, "table.data", SLO);
        assertEquals("rolling 30 d", componentRow.locator("td").nth(3).textContent());
        assertClose(left, group(PERCENT, componentRow.locator("td").nth(5).textContent()), "component dashboard");

        // The service page's signal says the same and leads to the SLO, not back to the service.
        open(page, "/services/recorder-api");
        Locator signal = page.locator("table.data a").filter(new Locator.FilterOptions().setHasText(SLO)).first();
        assertClose(left, group(ROLLING, signal.textContent()), "service page");
        signal.click();
        page.waitForURL(url -> url.endsWith("/p/slo/slos/" + SLO));
        assertTrue(page.url().endsWith("/p/slo/slos/" + SLO), page.url());

        // The home grid: the same verdict, its window named.
        open(page, "/");
        assertClose(left, group(ROLLING, rollingRow(page, "table.grid")), "home page");
    }

    @Test
    void theHomePageAndTheDeploysPagesShowOneChangeFailureRateOverOneWindow() {
        Page page = open(viewer(), "/");
        String home = group(FAILURE_RATE, row(page, "table.grid", "billing-api").textContent());

        open(page, "/p/deploys/services/billing-api");
        assertTrue(page.locator("main").textContent().contains("The four keys, last 30 d"));
        String deploys = row(page, "table.data", "billing-api").textContent();
        assertEquals(home, group(PERCENT, deploys.substring(deploys.indexOf("/ week"))), deploys);

        open(page, "/services/billing-api?tab=deploys.deploys");
        String tab = row(page, ".tab-panel table.data", "billing-api").textContent();
        assertEquals(home, group(PERCENT, tab.substring(tab.indexOf("/ week"))), tab);
    }
}
