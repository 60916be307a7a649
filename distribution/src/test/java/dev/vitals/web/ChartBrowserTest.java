package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.vitals.api.ui.Chart;
import dev.vitals.api.ui.ChartBand;
import dev.vitals.api.ui.ChartKind;
import dev.vitals.api.ui.ChartSeries;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.plugins.deploys.DeploysPlugin;
import dev.vitals.plugins.slo.SloPlugin;
import dev.vitals.web.browser.Charts;
import dev.vitals.web.browser.PageProblems;
import dev.vitals.web.pages.Layout;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The plugin API's chart in headless Chromium on the demo organisation: uPlot draws on the canvas under the strict
 * content security policy, values show on hover and on keyboard focus, and the data table under each chart holds the
 * numbers the plugins' JSON API answers for the same thing.
 */
class ChartBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAINTED_PIXELS = "c => { const d = c.getContext('2d')"
            + ".getImageData(0, 0, c.width, c.height).data; let n = 0;"
            + " for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n; }";
    @RegisterExtension
    static final BrowserPortal PORTAL = BrowserPortal.demoBehindProxy(TestPlugins.of()
            .with("deploys", DeploysPlugin::new).with("slo", SloPlugin::new).source());

    /** A fresh page as a staff member. */
    private static Page staffPage() {
        return PORTAL.browser().newContext(Map.of("X-Forwarded-User", "vera", "X-Forwarded-Groups", "staff")).newPage();
    }

    /** Opens the path on the page and waits for the chart to be drawn. */
    private static void open(Page page, String path) {
        page.navigate(PORTAL.server().uri(path).toString());
        page.waitForSelector("figure.vitals-chart canvas");
    }

    private static List<List<String>> tableRows(Locator figure) {
        List<List<String>> rows = new ArrayList<>();
        Locator tr = figure.locator("table.data tbody tr");
        for (int i = 0; i < tr.count(); i++) {
            rows.add(tr.nth(i).locator("th, td").allTextContents());
        }
        return rows;
    }

    /** The JSON API as the same signed-in person, through the browser context's own requests. */
    private static JsonNode api(Page page, String path) throws Exception {
        var response = page.request().get(PORTAL.server().uri(path).toString());
        assertEquals(200, response.status(), path + ": " + response.text());
        return JSON.readTree(response.text());
    }

    @Test
    void aServicesWeeklyDeploysAreDrawnAndTabledAsTheDoraApiCountsThemWithoutACspViolation() throws Exception {
        Page page = staffPage();
        PageProblems problems = PageProblems.watch(page);
        open(page, "/p/deploys/services/recorder-api");
        Locator figure = page.locator("figure.vitals-chart").first();

        int painted = ((Number) figure.locator("canvas").first().evaluate(PAINTED_PIXELS)).intValue();
        assertTrue(painted > 500, "the canvas has bars and axes drawn, " + painted + " pixels painted");
        assertEquals(List.of("Week from", "Production deploys (deploys/week)"),
                figure.locator("table.data thead th").allTextContents());
        List<List<String>> rows = tableRows(figure);
        assertEquals(26, rows.size(), "one row per week");
        long total = 0;
        for (List<String> row : rows) {
            LocalDate week = LocalDate.parse(row.get(0));
            JsonNode dora = api(page, "/api/deploys/dora?service=recorder-api&from=" + week + "&to="
                    + week.plusWeeks(1));
            assertEquals(dora.get("deployments").asText(), row.get(1), "deploys in the week from " + week);
            total += Long.parseLong(row.get(1));
        }
        assertTrue(total > 0, "the demo deploys recorder-api, so some week has deploys");

        Locator plot = figure.locator(".vitals-chart-plot");
        plot.hover();
        assertTrue(figure.locator(".vitals-chart-readout").textContent().contains("deploys/week"),
                "hovering shows a week's value: " + figure.locator(".vitals-chart-readout").textContent());
        plot.focus();
        page.keyboard().press("End");
        List<String> last = rows.get(rows.size() - 1);
        assertEquals(last.get(0) + ": Production deploys " + last.get(1) + " deploys/week",
                figure.locator(".vitals-chart-readout").textContent(), "the focused chart reads the last week out");
        page.keyboard().press("ArrowLeft");
        List<String> before = rows.get(rows.size() - 2);
        assertTrue(figure.locator(".vitals-chart-readout").textContent().startsWith(before.get(0) + ":"),
                "the left arrow steps one week back");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("chart-deploys.png"))
                .setFullPage(true));
        problems.assertNone(page.url());
    }

    @Test
    void theBurnDownEndsAtTheBudgetTheStatusApiAnswersForTheSameMoment() throws Exception {
        String moment = PORTAL.server().vitals().clock().instant().truncatedTo(ChronoUnit.MINUTES).toString();
        Page page = staffPage();
        PageProblems problems = PageProblems.watch(page);
        open(page, "/p/slo/slos/recorder-api-availability?range=7d&at=" + moment);
        JsonNode status = api(page, "/api/slo/slos/recorder-api-availability/status?at=" + moment);
        Locator figure = page.locator("figure.vitals-chart").first();

        int painted = ((Number) figure.locator("canvas").first().evaluate(PAINTED_PIXELS)).intValue();
        assertTrue(painted > 500, "the canvas has a line and axes drawn, " + painted + " pixels painted");
        List<List<String>> rows = tableRows(figure);
        assertEquals(31, rows.size());
        String expected = BigDecimal.valueOf(status.get("errorBudget").get("remaining").asDouble() * 100)
                .setScale(1, RoundingMode.HALF_UP).toPlainString();
        assertEquals(expected, rows.get(rows.size() - 1).get(1), "the last point is the status at " + moment);
        assertTrue(figure.locator("table.data thead th").allTextContents().contains("Budget left (%)"));
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("chart-slo.png")).setFullPage(true));
        problems.assertNone(page.url());
    }

    @Test
    void aFreshDemoTeamPageDrawsNinetyDaysOfHealthHistory() {
        Page page = staffPage();
        PageProblems problems = PageProblems.watch(page);
        open(page, "/teams/recording");
        Locator figure = page.locator("section.health figure.vitals-chart");

        List<List<String>> rows = tableRows(figure);
        assertEquals(90, rows.size());
        long scored = rows.stream().filter(r -> !r.get(1).isEmpty()).count();
        assertTrue(scored >= 60, "the demo seeds the history, so most of the 90 days have a score: " + scored);
        assertFalse(page.locator("section.health .empty-state").allTextContents().stream()
                .anyMatch(t -> t.contains("No history")));
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("chart-team.png")).setFullPage(true));
        problems.assertNone(page.url());
    }

    @Test
    void stackedBarsAndABandDrawWithoutAScriptErrorAndReadOutEachSeriesOwnValue() {
        List<LocalDate> days = List.of(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 4));
        Chart stacked = Chart.builder("Deploys by pipeline", ChartKind.STACKED_BARS).days("Day", days)
                .yAxis("Deploys", "deploys/day")
                .series(ChartSeries.of("train", List.of(1, 2, 3)), ChartSeries.of("own", List.of(4, 5, 6))).build();
        Chart band = Chart.builder("Cost forecast", ChartKind.LINES).days("Day", days).yAxis("Cost", "EUR")
                .series(new ChartSeries("actual", List.of(OptionalDouble.of(10), OptionalDouble.empty(),
                        OptionalDouble.of(12))))
                .band(new ChartBand("80 % interval", ChartSeries.of("low", List.of(8, 9, 10)),
                        ChartSeries.of("high", List.of(12, 13, 14))))
                .build();
        Page page = staffPage();
        PageProblems problems = PageProblems.watch(page);
        // Same origin as the portal, so the page loads the portal's own uPlot and chart script.
        page.navigate(PORTAL.server().uri("/static/vitals.css").toString());
        page.setContent("<!DOCTYPE html><html><head>"
                + "<link rel=\"stylesheet\" href=\"" + Layout.UPLOT + "uPlot.min.css\">"
                + "<script src=\"" + Layout.UPLOT + "uPlot.iife.min.js\"></script>"
                + "<script src=\"/static/vitals-chart.js\" defer></script></head><body>" + stacked.html()
                + band.html() + "</body></html>");
        page.waitForSelector("figure.vitals-chart:nth-of-type(2) canvas");

        for (int i = 0; i < 2; i++) {
            int painted = ((Number) page.locator("figure.vitals-chart canvas").nth(i).evaluate(PAINTED_PIXELS))
                    .intValue();
            assertTrue(painted > 500, "chart " + i + " drew " + painted + " pixels");
        }
        page.locator(".vitals-chart-plot").first().focus();
        page.keyboard().press("End");
        assertEquals("2026-11-04: train 3 deploys/day; own 6 deploys/day",
                page.locator(".vitals-chart-readout").first().textContent(), "each series' own value, not the sum");
        page.locator(".vitals-chart-plot").nth(1).focus();
        page.keyboard().press("Home");
        page.keyboard().press("ArrowRight");
        assertEquals("2026-11-03: actual no data; low 9 EUR; high 13 EUR",
                page.locator(".vitals-chart-readout").nth(1).textContent());

        page.setViewportSize(390, 844);
        Charts.awaitDrawnAtTheirWidth(page);
        for (int i = 0; i < 2; i++) {
            Locator plot = page.locator(".vitals-chart-plot").nth(i);
            int box = ((Number) plot.evaluate("p => p.clientWidth")).intValue();
            assertTrue(box < 390, "chart " + i + "'s box narrowed with the phone's window, to " + box + " px");
            assertEquals(box, ((Number) plot.evaluate("p => p.querySelector('.uplot').offsetWidth")).intValue(),
                    "chart " + i + " is redrawn at its box's width");
        }
        assertEquals(0, ((Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth"))
                .intValue(), "no chart is wider than the phone");
        problems.assertNone("two charts set into the page");
    }
}
