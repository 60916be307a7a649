package dev.vitals.web.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.plugins.cost.CostPlugin;
import dev.vitals.web.BrowserPortal;
import dev.vitals.web.browser.PageProblems;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cost overview's trend in headless Chromium on the demo organisation: uPlot draws the stacked categories under
 * the strict content security policy, and the chart's table holds, for this month, each category's cost as the JSON
 * API sums it.
 */
class CostOverviewBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAINTED_PIXELS = "c => { const d = c.getContext('2d')"
            + ".getImageData(0, 0, c.width, c.height).data; let n = 0;"
            + " for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n; }";

    @RegisterExtension
    static final BrowserPortal PORTAL = BrowserPortal.demoBehindProxy(TestPlugins.of()
            .with("cost", CostPlugin::new).source());

    @Test
    void theTrendStacksThisMonthsCategoriesAsTheCostApiSumsThem() throws Exception {
        Page page = PORTAL.browser().newContext(Map.of("X-Forwarded-User", "vera", "X-Forwarded-Groups", "staff"))
                .newPage();
        PageProblems problems = PageProblems.watch(page);
        // The first page of a fresh demo portal on a machine shared with other builds may take longer than 30 s.
        page.setDefaultNavigationTimeout(120_000);
        page.setDefaultTimeout(120_000);
        page.navigate(PORTAL.server().uri("/p/cost/").toString());
        page.waitForSelector("section.cost-trend figure.vitals-chart canvas");
        Locator figure = page.locator("section.cost-trend figure.vitals-chart");

        int painted = ((Number) figure.locator("canvas").first().evaluate(PAINTED_PIXELS)).intValue();
        assertTrue(painted > 500, "the canvas has bars and axes drawn, " + painted + " pixels painted");
        List<String> headings = figure.locator("table.data thead th").allTextContents();
        assertEquals("Month from", headings.get(0));
        Locator rows = figure.locator("table.data tbody tr");
        assertEquals(13, rows.count(), "one row per month");
        List<String> thisMonth = rows.nth(12).locator("th, td").allTextContents();
        LocalDate today = LocalDate.now(PORTAL.server().vitals().clock()
                .withZone(PORTAL.server().vitals().config().orgTimeZone()));
        assertEquals(today.withDayOfMonth(1).toString(), thisMonth.get(0));

        var response = page.request().get(PORTAL.server().uri("/api/cost/costs?groupBy=category&from="
                + today.withDayOfMonth(1) + "&to=" + today.plusDays(1)).toString());
        assertEquals(200, response.status(), response.text());
        Map<String, String> api = new HashMap<>();
        for (JsonNode group : JSON.readTree(response.text()).get("groups")) {
            api.put(group.get("key").asText().isEmpty() ? "Uncategorised" : group.get("key").asText(),
                    new BigDecimal(group.get("cost").asText()).setScale(2, RoundingMode.HALF_EVEN).toPlainString());
        }
        assertTrue(headings.size() > 1, "the demo bills at least one category: " + headings);
        for (int i = 1; i < headings.size(); i++) {
            String category = headings.get(i).replaceFirst(" \\([A-Z]{3}/month\\)$", "");
            assertEquals(api.getOrDefault(category, "0.00"), thisMonth.get(i), category + " this month");
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/cost-overview.png"))
                .setFullPage(true));
        problems.assertNone(page.url());
    }
}
