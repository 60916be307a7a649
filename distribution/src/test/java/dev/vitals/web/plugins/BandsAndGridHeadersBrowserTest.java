package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.plugins.deploys.DeploysPlugin;
import dev.vitals.plugins.example.ExamplePlugin;
import dev.vitals.plugins.slo.SloPlugin;
import dev.vitals.web.browser.PageProblems;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The UI kit's partials as people see them, in headless Chromium with the portal's stylesheet: DORA band badges
 * that differ by band, and the home grid headed with plugin names. Behind a trusted proxy, as admin ada.
 */
class BandsAndGridHeadersBrowserTest {

    private static final Map<String, String> ADA = Map.of("X-Forwarded-User", "ada", "X-Forwarded-Groups",
            "vitals-admins");
    @RegisterExtension
    static final BrowserPortal PORTAL = BrowserPortal.behindProxy(TestPlugins.of().with("slo", SloPlugin::new)
            .with("deploys", DeploysPlugin::new).with("example", ExamplePlugin::new).source(), Map.of());

    /**
     * Two services of team streaming, each deployed ten times in the last ten days: fast-api ships a commit an
     * hour after it is made (lead time elite, under a day), slow-api forty days after (low, 730 hours or more).
     */
    @BeforeAll
    static void seed() {
        post("/api/catalog/import?source=streaming", "application/yaml", """
                apiVersion: backstage.io/v1alpha1
                kind: Group
                metadata: {name: streaming}
                spec: {type: team, children: []}
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata: {name: fast-api}
                spec: {type: service, lifecycle: production, owner: streaming}
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata: {name: slow-api}
                spec: {type: service, lifecycle: production, owner: streaming}
                """);
        Instant latest = PORTAL.server().vitals().clock().instant().minus(1, ChronoUnit.HOURS)
                .truncatedTo(ChronoUnit.SECONDS);
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Instant at = latest.minus(Duration.ofDays(i));
            events.add(deployment("fast-" + i, "fast-api", at, at.minus(Duration.ofHours(1))));
            events.add(deployment("slow-" + i, "slow-api", at, at.minus(Duration.ofDays(40))));
        }
        post("/api/deploys/events", "application/json", "[" + String.join(",", events) + "]");
    }

    private static String deployment(String id, String service, Instant finished, Instant committed) {
        return """
                {"id": "%s", "service": "%s", "environment": "production", "status": "success",
                 "startedAt": "%s", "finishedAt": "%s", "commits": [{"sha": "%s-c", "committedAt": "%s"}]}"""
                .formatted(id, service, finished.minus(Duration.ofMinutes(5)), finished, id, committed);
    }

    private static void post(String path, String type, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(PORTAL.server().uri(path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        ADA.forEach(request::header);
        HttpResponse<String> response = PORTAL.server().send(request);
        assertTrue(response.statusCode() < 300, path + " answered " + response.statusCode() + ": " + response.body());
    }

    @Test
    void anEliteAndALowDoraBandLookDifferentAndBothKeepTheirTextReadable() {
        Page page = PORTAL.browser().newContext(ADA).newPage();
        PageProblems problems = PageProblems.watch(page);
        page.navigate(PORTAL.server().uri("/p/deploys/").toString());
        Locator elite = page.locator("span.band", new Page.LocatorOptions().setHasText("elite")).first();
        Locator low = page.locator("span.band", new Page.LocatorOptions().setHasText("low")).first();
        assertEquals("elite", elite.innerText(), "the word is shown, not only a colour");
        assertEquals("low", low.innerText());

        String eliteBackground = (String) elite.evaluate("e => getComputedStyle(e).backgroundColor");
        String lowBackground = (String) low.evaluate("e => getComputedStyle(e).backgroundColor");

        assertNotEquals(eliteBackground, lowBackground);
        for (Locator badge : List.of(elite, low)) {
            double contrast = ((Number) badge.evaluate(CONTRAST)).doubleValue();
            assertTrue(contrast >= 4.5, badge.innerText() + " has text contrast " + contrast + ", WCAG AA needs 4.5");
        }
        problems.assertNone(page.url());
    }

    @Test
    void theHomeGridHeadsItsColumnsWithThePluginsNamesNotTheirIds() {
        Page page = PORTAL.browser().newContext(ADA).newPage();
        PageProblems problems = PageProblems.watch(page);
        page.navigate(PORTAL.server().uri("/").toString());

        List<String> headers = page.locator("table.grid thead th").allInnerTexts();

        // The first three columns are the portal's own: the service, its worst status and why.
        assertEquals(List.of("Service", "Worst", "Why"), headers.subList(0, 3).stream().map(String::strip).toList(),
                headers.toString());
        assertEquals(List.of("Deploys", "Notes", "SLOs"),
                headers.subList(3, headers.size()).stream().map(String::strip).sorted().toList(), headers.toString());
        problems.assertNone(page.url());
    }

    /** WCAG's contrast ratio of an element's text colour on its background colour (both opaque here). */
    private static final String CONTRAST = """
            e => {
              const rgb = c => c.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number);
              const lum = c => {
                const [r, g, b] = rgb(c).map(v => v / 255)
                    .map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
                return 0.2126 * r + 0.7152 * g + 0.0722 * b;
              };
              const style = getComputedStyle(e);
              const [a, b] = [lum(style.color), lum(style.backgroundColor)].sort((x, y) => y - x);
              return (a + 0.05) / (b + 0.05);
            }""";
}
