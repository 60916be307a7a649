package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.plugins.example.ExamplePlugin;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pages people open every day, in headless Chromium, on the demo organisation, signed in through a trusted proxy
 * as an editor of team Recording. Screenshots of the main pages land in {@code target/screenshots/} for review.
 */
class CatalogBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    @RegisterExtension
    static final BrowserPortal PORTAL = BrowserPortal.demoBehindProxy(
            TestPlugins.of().with("example", ExamplePlugin::new).source());

    private static Page signedInAs(String user, String groups) {
        BrowserContext context = PORTAL.browser().newContext(Map.of("X-Forwarded-User", user,
                "X-Forwarded-Groups", groups));
        return context.newPage();
    }

    @Test
    void anEditorFiltersOpensAServiceSwitchesTabsEditsItAndTheAuditLogShowsTheEdit() {
        Page page = signedInAs("rita", "team-recording");
        page.navigate(PORTAL.server().uri("/").toString());
        assertEquals("Engineering health · Vitals", page.title());
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("home.png")).setFullPage(true));

        page.locator("select[name=team]").selectOption("recording");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).click();
        page.waitForURL(url -> url.contains("team=recording"));
        assertEquals(5, page.locator("table.grid tbody tr").count(), "the five services team Recording owns");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("recorder-api")).click();
        assertEquals("recorder-api · Vitals", page.title());
        assertTrue(page.locator("dl.facts").innerText().contains("recording"));
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("service.png")).setFullPage(true));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Notes").setExact(true)).last().click();
        assertTrue(page.url().endsWith("?tab=example.notes"), page.url());
        assertTrue(page.locator(".tab-panel").innerText().contains("Pager rotation"), "the example plugin's tab");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit")).click();
        page.getByLabel("Description").fill("Accepts recordings from the browser and the desktop app.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertEquals("recorder-api · Vitals", page.title());
        assertTrue(page.locator(".lead").innerText().contains("desktop app"));

        Page admin = signedInAs("ada", "vitals-admins");
        admin.navigate(PORTAL.server().uri("/admin/audit").toString());
        String audit = admin.locator("main").innerText();
        assertTrue(audit.contains("catalog.edit") && audit.contains("rita")
                && audit.contains("component:default/recorder-api"), audit);
    }

    @Test
    void anEditorCannotEditAnotherTeamsService() {
        Page page = signedInAs("rita", "team-recording");
        page.navigate(PORTAL.server().uri("/catalog/edit?ref=component:default/billing-api").toString());
        assertTrue(page.locator("main").innerText().contains("rita is not an editor of the team that owns"),
                page.locator("main").innerText());
    }

    @Test
    void theTeamPageShowsMembersServicesAndTheHealthChart() {
        Page page = signedInAs("vera", "staff");
        page.navigate(PORTAL.server().uri("/teams/recording").toString());
        assertEquals("Recording · Vitals", page.title());
        assertTrue(page.locator("section.health figure.vitals-chart figcaption").innerText()
                .startsWith("Health score per day, last 90 days"));
        assertTrue(page.locator("main").innerText().contains("Ana Silva") || page.locator("main").innerText().contains("ana.silva"));
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("team.png")).setFullPage(true));
    }
}
