package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Clock;
import com.microsoft.playwright.Page;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.web.browser.Axe;
import dev.vitals.web.browser.Charts;
import dev.vitals.web.browser.PageProblems;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The host's pages in headless Chromium on the demo organisation, with one plugin's verdicts: recorder-api critical
 * (and an OK latency), auth-service warning. The grid lists the worst first and its totals filter it; every page passes
 * axe-core's WCAG 2.2 AA rules without a serious or critical violation and fits a 390 px phone; the skip link is the
 * first stop; a refused field takes the focus; times show in the viewer's zone; a save is confirmed.
 */
class HostPagesBrowserTest {

    private static final Map<String, String> VIEWER = Map.of("X-Forwarded-User", "ada", "X-Forwarded-Groups",
            "vitals-admins");
    /**
     * The host's pages below the top level (TopLevelPagesBrowserTest checks those in the product as shipped): one of
     * each kind of entity page, the edit form, and the grid with a refused filter.
     */
    private static final List<String> PAGES = List.of("/services/recorder-api", "/teams/recording",
            "/programs/availability", "/components/web-recording", "/catalog/edit?ref=component:default/tax-rates",
            "/?team=nobody");

    @RegisterExtension
    static final BrowserPortal PORTAL = BrowserPortal.demoBehindProxy(
            TestPlugins.of().with("calm", CatalogWebTest.Signaller::new).source());

    private static List<String> gridServices(Page page) {
        return page.locator("table.grid tbody th[scope=row] a").allInnerTexts().stream().map(String::strip).toList();
    }

    @Test
    void theHomeGridListsTheWorstFirstAndItsTotalsFilterIt() {
        Page page = PORTAL.browser().newContext(VIEWER).newPage();
        PageProblems problems = PageProblems.watch(page);
        page.navigate(PORTAL.server().uri("/").toString());

        List<String> shown = gridServices(page);
        assertEquals(List.of("recorder-api", "auth-service"), shown.subList(0, 2), shown.toString());
        assertEquals(shown.subList(2, shown.size()).stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(),
                shown.subList(2, shown.size()), "then the services no plugin judged, by name");
        String reason = page.locator("table.grid tbody tr").nth(1).locator("td.reason").innerText().strip();
        assertTrue(reason.endsWith("30 % of the budget left"), "the reason is on the row, in words: "
                + reason);

        page.locator("ul.totals a", new Page.LocatorOptions().setHasText("warnings")).click();
        page.waitForURL("**/?status=warn");
        assertEquals(List.of("auth-service"), gridServices(page));
        page.locator("ul.totals.kinds a", new Page.LocatorOptions().setHasText("error-budget")).click();
        page.waitForURL("**/?kind=error-budget");
        assertEquals(List.of("recorder-api", "auth-service"), gridServices(page));
        problems.assertNone("the home grid");
    }

    @Test
    void noPageHasASeriousAccessibilityViolationNorScrollsSidewaysOnAPhone() {
        BrowserContext context = PORTAL.browser().newContext(VIEWER);
        for (String path : PAGES) {
            Page page = context.newPage();
            page.navigate(PORTAL.server().uri(path).toString());
            Axe.assertNoSeriousViolations(page, path);
            page.setViewportSize(390, 844);
            // A team's page has charts, redrawn at their box's new width in the browser's next frame.
            Charts.awaitDrawnAtTheirWidth(page);
            Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
            assertEquals(0, ((Number) overflow).intValue(), path + " is wider than a 390 px phone by " + overflow + " px");
            page.close();
        }
    }

    @Test
    void onAPhoneTheNavigationFoldsBehindAMenuButton() {
        Page page = PORTAL.browser().newContext(VIEWER).newPage();
        page.setViewportSize(390, 844);
        page.navigate(PORTAL.server().uri("/").toString());
        assertFalse(page.locator("#main-nav").isVisible(), "the navigation is folded");
        assertTrue(page.locator("header.top").boundingBox().height < 80, "the header is one line");
        page.locator("button.nav-toggle").click();
        assertTrue(page.locator("#main-nav a", new Page.LocatorOptions().setHasText("Teams")).isVisible());
        assertEquals("true", page.locator("button.nav-toggle").getAttribute("aria-expanded"));
    }

    @Test
    void theSkipLinkIsTheFirstStopAndFocusedControlsShowARingOfAtLeastThreeToOne() {
        Page page = PORTAL.browser().newContext(VIEWER).newPage();
        page.navigate(PORTAL.server().uri("/teams").toString());

        page.keyboard().press("Tab");
        assertEquals("Skip to content", page.evaluate("() => document.activeElement.textContent").toString().strip());
        assertTrue(page.locator(".skip-link").isVisible(), "visible once focused");
        page.keyboard().press("Enter");
        assertEquals("main", page.evaluate("() => document.activeElement.id"));

        for (String control : List.of("header.top a.brand", "form.filters input[name=text]", "form.filters button")) {
            page.locator(control).focus();
            page.keyboard().press("Shift+Tab");
            page.keyboard().press("Tab"); // focused from the keyboard, so :focus-visible applies
            String colour = (String) page.evaluate("() => getComputedStyle(document.activeElement).outlineColor");
            String width = (String) page.evaluate("() => getComputedStyle(document.activeElement).outlineWidth");
            assertEquals("3px", width, control);
            assertTrue(contrastOnWhite(colour) >= 3.0, control + " ring " + colour + " has "
                    + contrastOnWhite(colour) + ":1 against white");
        }
    }

    @Test
    void afterARefusedValueTheFocusIsOnTheFieldToFixAndItsMessageIsTiedToIt() {
        Page page = PORTAL.browser().newContext(VIEWER).newPage();
        page.navigate(PORTAL.server().uri("/?team=nobody").toString());
        assertEquals("team", page.evaluate("() => document.activeElement.name"));
        assertEquals("There is no team 'nobody' in the catalog: pick one from the list.", page.evaluate(
                "() => document.getElementById(document.activeElement.getAttribute('aria-describedby')).textContent"));

        page.navigate(PORTAL.server().uri("/catalog/edit?ref=component:default/tax-rates").toString());
        page.locator("#tags").fill("finance, Not Valid");
        page.locator("form.edit button[type=submit]").click();
        // The refusal is a new page: its error message is there once it has loaded.
        page.locator("#tags-error").waitFor();
        page.waitForLoadState();
        assertEquals("tags", page.evaluate("() => document.activeElement.id"));
        assertEquals("tags-hint tags-error", page.locator("#tags").getAttribute("aria-describedby"));
        assertTrue(page.locator("#tags-error").innerText().contains("'not valid' is not a valid tag")
                || page.locator("#tags-error").innerText().contains("is not a valid tag"));
    }

    @Test
    void aSaveIsConfirmedOnThePageItLeadsToAndOnlyThere() {
        Page page = PORTAL.browser().newContext(VIEWER).newPage();
        PageProblems problems = PageProblems.watch(page);
        page.navigate(PORTAL.server().uri("/catalog/edit?ref=component:default/search-api").toString());
        page.locator("#title").fill("Search API");
        page.locator("form.edit button[type=submit]").click();
        page.waitForURL("**/services/search-api");

        assertEquals("Saved the title, description and tags of search-api.",
                page.locator("main .flash[role=status]").innerText().strip());
        page.reload();
        assertEquals(0, page.locator(".flash").count(), "shown once");
        problems.assertNone("the edit and the page after it");
    }

    @Test
    void timesShowInTheViewersZoneToTheMinuteWithTheTimeFromNowAndTheExactInstantOnHover() {
        Page first = PORTAL.browser().newContext(VIEWER).newPage();
        first.navigate(PORTAL.server().uri("/services/recorder-api").toString());
        Instant observed = Instant.parse(first.locator("table.data time[datetime]").first().getAttribute("datetime"));

        Page page = PORTAL.browser().newContext(VIEWER, "America/New_York").newPage();
        page.clock().install(new Clock.InstallOptions().setTime(observed.plus(Duration.ofMinutes(3)).toEpochMilli()));
        page.navigate(PORTAL.server().uri("/services/recorder-api").toString());

        var time = page.locator("table.data time[datetime]").first();
        String expected = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm", Locale.ENGLISH)
                .format(observed.atZone(ZoneId.of("America/New_York")));
        assertEquals(expected + " EST (3 min ago)", time.innerText().strip());
        String title = time.getAttribute("title");
        assertTrue(title.startsWith(DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm:ss", Locale.ENGLISH)
                .format(observed.atZone(ZoneId.of("America/New_York"))) + " EST")
                && title.endsWith("(" + observed + ")"), title);
    }

    /** WCAG's contrast ratio of a CSS rgb() colour against white. */
    private static double contrastOnWhite(String rgb) {
        String[] parts = rgb.replaceAll("[^0-9,.]", "").split(",");
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Double.parseDouble(parts[i]) / 255;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        double luminance = 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
        return 1.05 / (luminance + 0.05);
    }
}
