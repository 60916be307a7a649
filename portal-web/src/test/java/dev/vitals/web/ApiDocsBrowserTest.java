package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.web.browser.PageProblems;
import dev.vitals.web.openapi.DocumentedPlugin;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /api/docs} in headless Chromium, signed in as a viewer through a trusted proxy: Swagger UI, from its webjar
 * and started by the portal's own script, renders every operation of the document under the portal's strict
 * Content-Security-Policy, and the browser reports no violation of it.
 */
class ApiDocsBrowserTest {

    @RegisterExtension
    static final BrowserPortal PORTAL = BrowserPortal.behindProxy(
            TestPlugins.of().with("documented", DocumentedPlugin::new).source(), Map.of());

    @Test
    void swaggerUiRendersEveryOperationAndOneOpenedWithItsExampleWithoutAnyPolicyViolation() throws Exception {
        Page page = PORTAL.browser().newContext(Map.of("X-Forwarded-User", "vera")).newPage();
        PageProblems problems = PageProblems.watch(page);

        page.navigate(PORTAL.server().uri("/api/docs").toString());
        page.locator(".opblock").first().waitFor();
        int operations = operations(page);
        assertEquals(operations, page.locator(".opblock").count(), "one block per operation and tag of the document");
        assertTrue(page.locator(".opblock-summary-path").allInnerTexts().contains("/api/documented/notes/{id}"));

        page.locator(".opblock-summary", new Page.LocatorOptions().setHasText("List the notes of a service")).click();
        page.locator(".opblock-body .responses-wrapper").waitFor();
        String opened = page.locator(".opblock.is-open").innerText();
        assertTrue(opened.contains("artist-lookup") && opened.contains("service"), opened);
        page.waitForTimeout(500);

        problems.assertNone("/api/docs");
    }

    /** The watch itself works: an inline style attribute, which the policy refuses, is reported. */
    @Test
    void anInlineStyleOnThePageIsReportedAsAViolation() {
        Page page = PORTAL.browser().newContext(Map.of("X-Forwarded-User", "vera")).newPage();
        PageProblems problems = PageProblems.watch(page);
        page.navigate(PORTAL.server().uri("/api/docs").toString());
        page.locator(".opblock").first().waitFor();
        problems.assertNone("/api/docs before the inline style");

        page.evaluate("() => { const d = document.createElement('div'); d.setAttribute('style', 'color: red');"
                + " document.body.appendChild(d); }");
        page.waitForCondition(() -> !problems.seen().isEmpty());
        assertFalse(problems.seen().isEmpty());
        assertTrue(problems.seen().get(0).contains("style-src"), problems.seen().toString());
        assertThrows(AssertionError.class, () -> problems.assertNone("/api/docs"), "the one assertion fails on it");
    }

    /** @return the blocks Swagger UI should show for the document the page's session reads */
    private static int operations(Page page) throws Exception {
        String json = page.request().get(PORTAL.server().uri("/api/openapi.json").toString()).text();
        JsonNode paths = new ObjectMapper().readTree(json).path("paths");
        int count = 0;
        for (JsonNode item : paths) {
            for (JsonNode operation : item) {
                // Swagger UI shows an operation under each of its tags: a webhook is also under "webhook".
                count += operation.path("tags").size();
            }
        }
        assertTrue(count > 20, "the portal's operations and the plugin's: " + count);
        return count;
    }
}
