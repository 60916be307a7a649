package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import dev.vitals.api.HttpMethod;
import dev.vitals.core.pluginhost.HostedPlugin;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.plugins.cost.CostPlugin;
import dev.vitals.plugins.deploys.DeploysPlugin;
import dev.vitals.plugins.graph.GraphPlugin;
import dev.vitals.plugins.priorities.PrioritiesPlugin;
import dev.vitals.plugins.slo.SloPlugin;
import dev.vitals.web.browser.Axe;
import dev.vitals.web.browser.Charts;
import dev.vitals.web.browser.PageCondition;
import dev.vitals.web.browser.PageProblems;
import dev.vitals.web.security.GuardedRoutes.Rule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every top-level page of the product as shipped (the plugins the distribution ships, on the demo organisation), in
 * headless Chromium, signed in through a trusted proxy as an admin so the admin pages open too. Each page must
 * render with its heading and without a console error or a Content-Security-Policy violation, pass axe-core's WCAG 2.2
 * AA rules without a serious or critical violation, fit a 390 px phone without scrolling sideways, and leave a
 * full-page screenshot in {@code portal-web/target/screenshots/} for review; the home page also leaves a 1280×800
 * one, the picture {@code docs/images/home.png} is copied from.
 *
 * <p>The pages are found, not listed: the main navigation (so a new plugin's pages are in), and the host's page
 * routes that take no parameter (so a new host page is in).
 */
class TopLevelPagesBrowserTest {

    /** Beside the host's other build output, wherever the build is started from. */
    static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", "."))
            .resolve("../portal-web/target/screenshots").toAbsolutePath().normalize();
    /** Host page routes that are not pages of their own: one redirects, the other edits an entity opened first. */
    private static final Set<String> NOT_TOP_LEVEL = Set.of("/admin", "/catalog/edit");
    /** The API reference page, listed once it exists: it sits under /api/ with the JSON routes. */
    private static final String API_DOCS = "/api/docs";
    /** The elements whose right edge is past the window's, for a page too wide for a phone. */
    private static final String STICKING_OUT = "() => Array.from(document.querySelectorAll('body *'))"
            + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
            + ".slice(0, 5).map(e => e.tagName + '.' + e.className).join(', ')";
    /** The graph maps that fetch their data: each is drawn (graph-map.js marks it) or has said why not. */
    private static final String MAPS_WAITING = "Array.from(document.querySelectorAll('.graph-map[data-source]'))"
            + ".filter(m => m.dataset.drawnNodes === undefined)";
    /** Why each map that was not drawn was not, as the map says it on the page. */
    private static final String MAPS_FAILED = "() => " + MAPS_WAITING + ".map(m => m.dataset.status"
            + " ? document.getElementById(m.dataset.status).textContent : 'a map without a status').join('; ')";
    private static final String MAPS_DRAWN_OR_FAILED = "() => " + MAPS_WAITING + ".every(m => {"
            + " const status = m.dataset.status && document.getElementById(m.dataset.status);"
            + " return status && status.textContent.startsWith('The drawing failed'); })";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @RegisterExtension
    static final BrowserPortal PORTAL = BrowserPortal.demoBehindProxy(TestPlugins.of().with("slo", SloPlugin::new)
            .with("deploys", DeploysPlugin::new).with("cost", CostPlugin::new).with("graph", GraphPlugin::new)
            .with("priorities", PrioritiesPlugin::new).source());
    private static BrowserContext admin;

    @BeforeAll
    static void signInAsAdmin() throws IOException {
        admin = PORTAL.browser().newContext(Map.of("X-Forwarded-User", "ada", "X-Forwarded-Groups", "vitals-admins"));
        Files.createDirectories(SCREENSHOTS);
    }

    @Test
    void everyStartedPluginHasAPageInTheNavigationAndSoAScreenshot() {
        List<String> pages = topLevelPages();
        for (HostedPlugin plugin : PORTAL.server().vitals().plugins().plugins()) {
            assertTrue(plugin.isStarted(), plugin.id() + " did not start");
            assertTrue(pages.stream().anyMatch(p -> p.startsWith("/p/" + plugin.id() + "/")),
                    plugin.id() + " has no page among " + pages);
        }
        assertTrue(pages.containsAll(List.of("/", "/services", "/teams", "/programs", "/systems", "/admin/plugins")),
                pages.toString());
    }

    @TestFactory
    Stream<DynamicTest> everyTopLevelPageRendersAccessiblyOnAnyScreenWithItsHeadingAndNoConsoleErrorAndLeavesAScreenshot() {
        return topLevelPages().stream().map(path -> DynamicTest.dynamicTest(path, () -> {
            Page page = admin.newPage();
            PageProblems problems = PageProblems.watch(page);
            try {
                Response response = page.navigate(PORTAL.server().uri(path).toString());
                awaitWhatLoadsAfterThePage(page, path);
                assertEquals(200, response.status(), path);
                assertEquals(PORTAL.server().uri(path).toString(), page.url(), "not sent elsewhere");
                String heading = page.locator("h1").first().innerText().strip();
                assertFalse(heading.isEmpty(), path + " has an empty heading");
                assertTrue(page.title().contains(heading), page.title() + " does not name the heading " + heading);
                // Swagger UI draws the API reference's operations with its own markup (buttons inside buttons, its
                // method colours); the portal checks the page around it, not the widget it cannot change.
                Axe.assertNoSeriousViolations(page, path, path.equals(API_DOCS) ? List.of("#swagger-ui") : List.of());

                Path shot = SCREENSHOTS.resolve(fileName(path) + ".png");
                page.screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(true));
                assertPng(shot);
                if (path.equals("/")) {
                    page.setViewportSize(1280, 800);
                    Path readme = SCREENSHOTS.resolve("home-1280x800.png");
                    page.screenshot(new Page.ScreenshotOptions().setPath(readme));
                    assertPng(readme);
                }
                page.setViewportSize(390, 844);
                Charts.awaitDrawnAtTheirWidth(page);
                Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
                assertEquals(0, ((Number) overflow).intValue(), () -> path + " is wider than a 390 px phone by "
                        + overflow + " px: " + page.evaluate(STICKING_OUT));
                // Last, so that an error the page logs while it is measured, drawn or resized counts too.
                problems.assertNone(path);
            } finally {
                page.close();
            }
        }));
    }

    /**
     * Waits for what a page still fetches and draws once it has loaded (navigation waits for the load event): the
     * graph maps' data and Swagger UI's operations. Waiting for these, rather than for the network to be quiet for
     * half a second, spares that half second on every page; a map that could not be drawn fails the page.
     */
    private static void awaitWhatLoadsAfterThePage(Page page, String path) {
        PageCondition.awaitTrue(page, MAPS_DRAWN_OR_FAILED);
        assertEquals("", page.evaluate(MAPS_FAILED), path + ": a graph map was not drawn");
        if (path.equals(API_DOCS)) {
            page.locator("#swagger-ui .opblock").first().waitFor();
        }
    }

    /** The main navigation as the home page shows it, then the host's other pages, each once. */
    private static List<String> topLevelPages() {
        Set<String> pages = new LinkedHashSet<>();
        Page home = admin.newPage();
        try {
            home.navigate(PORTAL.server().uri("/").toString());
            for (Object href : (List<?>) home.locator("header nav[aria-label=Main] a")
                    .evaluateAll("links => links.map(a => a.getAttribute('href'))")) {
                pages.add((String) href);
            }
        } finally {
            home.close();
        }
        for (Rule rule : PORTAL.server().portal().routes()) {
            String path = rule.path();
            if (rule.method() == HttpMethod.GET && rule.role().isPresent() && !rule.webhook()
                    && !path.contains("{") && !path.contains("<") && !path.startsWith("/api/")
                    && !path.startsWith("/p/") && !NOT_TOP_LEVEL.contains(path)) {
                pages.add(path);
            }
        }
        if (admin.request().get(PORTAL.server().uri(API_DOCS).toString()).status() == 200) {
            pages.add(API_DOCS);
        }
        return List.copyOf(pages);
    }

    private static String fileName(String path) {
        String name = path.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return name.isEmpty() ? "home" : name;
    }

    private static void assertPng(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            assertArrayEquals(PNG_SIGNATURE, in.readNBytes(PNG_SIGNATURE.length), file + " is not a PNG");
        }
    }
}
