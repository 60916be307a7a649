package dev.vitals.web.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.plugins.priorities.PrioritiesPlugin;
import dev.vitals.web.BrowserPortal;
import dev.vitals.web.browser.PageProblems;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The backlog tree's drag to reorder and its keyboard way, in headless Chromium under the portal's content security
 * policy: a move asks why in the page's dialog, posts to the rank API, and the tree and the decision log show it.
 * Teams web and app each have a theme with epics Alpha, Beta and Gamma, in that order.
 */
class BacklogDragBrowserTest {

    private static final Map<String, String> ADA = Map.of("X-Forwarded-User", "ada", "X-Forwarded-Groups",
            "vitals-admins");
    private static final Map<String, Long> IDS = new HashMap<>();

    @RegisterExtension
    static final BrowserPortal PORTAL = BrowserPortal.behindProxy(TestPlugins.of()
            .with("priorities", PrioritiesPlugin::new).source(), Map.of());

    @BeforeAll
    static void seed() throws Exception {
        send("POST", "/api/catalog/import?source=backlog", "application/yaml", """
                apiVersion: backstage.io/v1alpha1
                kind: Group
                metadata: {name: web}
                spec: {type: team, children: []}
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Group
                metadata: {name: app}
                spec: {type: team, children: []}
                """);
        for (String team : List.of("web", "app")) {
            JsonNode created = new ObjectMapper().readTree(send("POST", "/api/priorities/items", "application/json",
                    """
                    [{"key": "%1$s-T", "title": "Theme of %1$s", "level": "theme", "owner": "%1$s",
                      "horizon": "immediate", "investment": "foundation"},
                     {"key": "%1$s-A", "title": "Alpha", "level": "epic", "parentKey": "%1$s-T", "owner": "%1$s",
                      "horizon": "immediate", "investment": "foundation"},
                     {"key": "%1$s-B", "title": "Beta", "level": "epic", "parentKey": "%1$s-T", "owner": "%1$s",
                      "horizon": "immediate", "investment": "foundation"},
                     {"key": "%1$s-C", "title": "Gamma", "level": "epic", "parentKey": "%1$s-T", "owner": "%1$s",
                      "horizon": "immediate", "investment": "foundation"}]""".formatted(team)));
            for (JsonNode item : created) {
                IDS.put(item.get("key").asText(), item.get("id").asLong());
            }
        }
    }

    private static String send(String method, String path, String type, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(PORTAL.server().uri(path)).header("Content-Type", type)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        ADA.forEach(request::header);
        HttpResponse<String> response = PORTAL.server().send(request);
        assertTrue(response.statusCode() < 300, response.body());
        return response.body();
    }

    private static List<String> epics(Page page) {
        return page.locator("li[data-level=epic]").all().stream().map(li -> li.getAttribute("data-title")).toList();
    }

    private static Page backlog(String team) {
        Page page = PORTAL.browser().newContext(ADA).newPage();
        page.navigate(PORTAL.server().uri("/p/priorities/?owner=" + team).toString());
        page.waitForSelector("li[data-level=epic] .backlog-move-up");
        return page;
    }

    @Test
    void draggingGammaAboveAlphaAsksWhyThenTheTreeAndTheDecisionLogShowTheMove() {
        Page page = backlog("web");
        PageProblems problems = PageProblems.watch(page);
        assertEquals(List.of("Alpha", "Beta", "Gamma"), epics(page));

        page.dragAndDrop("#item-" + IDS.get("web-C") + " > .backlog-row", "#item-" + IDS.get("web-A")
                + " > .backlog-row", new Page.DragAndDropOptions().setTargetPosition(5, 2));
        page.waitForSelector("#backlog-move[open]");
        assertEquals("Move “Gamma” above “Alpha”?", page.locator("#backlog-move-question").innerText());

        page.click("#backlog-move button[type=submit]");
        assertTrue(page.locator("#backlog-move-error").innerText().startsWith("Say why"),
                "a move without a reason is not sent");
        page.fill("#backlog-move-reason", "Gamma unblocks the checkout team");
        page.click("#backlog-move button[type=submit]");
        page.waitForSelector("#backlog-move-status:has-text('Moved')");

        assertEquals(List.of("Gamma", "Alpha", "Beta"), epics(page));
        assertEquals("Moved “Gamma” from place 3 to 1; the reason is in the decision log.",
                page.locator("#backlog-move-status").innerText());
        page.navigate(PORTAL.server().uri("/p/priorities/decisions?owner=web").toString());
        assertTrue(page.locator("body").innerText().contains("Gamma unblocks the checkout team"),
                page.locator("body").innerText());
        problems.assertNone(page.url());
    }

    @Test
    void theKeyboardMovesAlphaDownWithItsReasonAndKeepsTheFocusOnIt() {
        Page page = backlog("app");
        PageProblems problems = PageProblems.watch(page);

        page.focus("#item-" + IDS.get("app-A") + " .backlog-move-down");
        page.keyboard().press("Enter");
        page.waitForSelector("#backlog-move[open]");
        assertEquals("backlog-move-reason", page.evaluate("() => document.activeElement.id"));
        page.keyboard().type("Beta is what customers wait for");
        page.keyboard().press("Enter");
        page.waitForSelector("#backlog-move-status:has-text('Moved')");

        assertEquals(List.of("Beta", "Alpha", "Gamma"), epics(page));
        assertEquals(String.valueOf(IDS.get("app-A")), page.evaluate(
                "() => document.activeElement.closest('li').dataset.itemId"));

        page.focus("#item-" + IDS.get("app-B") + " .backlog-move-down");
        page.keyboard().press("Enter");
        page.keyboard().press("Escape");
        assertTrue(page.locator("#backlog-move[open]").count() == 0, "Escape closes the dialog");
        assertEquals(List.of("Beta", "Alpha", "Gamma"), epics(page), "and nothing moved");
        problems.assertNone(page.url());
    }
}
