package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.web.browser.Browser;
import dev.vitals.web.openapi.DocumentedPlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/docs} in headless Chromium, signed in as a viewer through a trusted proxy: Swagger UI, from its webjar
 * and started by the portal's own script, renders every operation of the document under the portal's strict
 * Content-Security-Policy, and the browser reports no violation of it.
 */
class ApiDocsBrowserTest {

    private static TestServer server;
    private static Browser browser;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestPlugins.of().with("documented", DocumentedPlugin::new).source(),
                Map.of("VITALS_AUTH", "proxy", "VITALS_PROXY_ADDRESSES", "127.0.0.1,::1"));
        browser = Browser.launch();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        server.close();
    }

    @Test
    void swaggerUiRendersEveryOperationAndOneOpenedWithItsExampleWithoutAnyPolicyViolation() throws Exception {
        Page page = browser.newContext(Map.of("X-Forwarded-User", "vera")).newPage();
        List<String> violations = watchForViolations(page);

        page.navigate(server.uri("/api/docs").toString());
        page.locator(".opblock").first().waitFor();
        int operations = operations(page);
        assertEquals(operations, page.locator(".opblock").count(), "one block per operation and tag of the document");
        assertTrue(page.locator(".opblock-summary-path").allInnerTexts().contains("/api/documented/notes/{id}"));

        page.locator(".opblock-summary", new Page.LocatorOptions().setHasText("List the notes of a service")).click();
        page.locator(".opblock-body .responses-wrapper").waitFor();
        String opened = page.locator(".opblock.is-open").innerText();
        assertTrue(opened.contains("artist-lookup") && opened.contains("service"), opened);
        page.waitForTimeout(500);

        assertEquals(List.of(), violations, "Content-Security-Policy violations and errors on /api/docs");
    }

    /** The watch itself works: an inline style attribute, which the policy refuses, is reported. */
    @Test
    void anInlineStyleOnThePageIsReportedAsAViolation() {
        Page page = browser.newContext(Map.of("X-Forwarded-User", "vera")).newPage();
        List<String> violations = watchForViolations(page);
        page.navigate(server.uri("/api/docs").toString());
        page.locator(".opblock").first().waitFor();
        assertEquals(List.of(), violations);

        page.evaluate("() => { const d = document.createElement('div'); d.setAttribute('style', 'color: red');"
                + " document.body.appendChild(d); }");
        page.waitForCondition(() -> !violations.isEmpty());
        assertFalse(violations.isEmpty());
        assertTrue(violations.get(0).contains("style-src"), violations.toString());
    }

    /**
     * Errors on the console (where Chromium reports a refused script or style), uncaught page errors, and every
     * {@code securitypolicyviolation} event, which the page is made to report from its first moment.
     */
    private static List<String> watchForViolations(Page page) {
        List<String> seen = new ArrayList<>();
        page.addInitScript("document.addEventListener('securitypolicyviolation', e => console.error("
                + "'securitypolicyviolation ' + e.effectiveDirective + ' ' + e.blockedURI));");
        page.onConsoleMessage(message -> {
            if (message.type().equals("error") || message.text().contains("Content Security Policy")) {
                seen.add(message.text() + " (" + message.location() + ")");
            }
        });
        page.onPageError(seen::add);
        return seen;
    }

    /** @return the blocks Swagger UI should show for the document the page's session reads */
    private static int operations(Page page) throws Exception {
        String json = page.request().get(server.uri("/api/openapi.json").toString()).text();
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
