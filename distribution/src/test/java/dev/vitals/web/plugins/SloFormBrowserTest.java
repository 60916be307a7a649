package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.plugins.slo.SloPlugin;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SLO form in headless Chromium, behind a trusted proxy: pat edits for team Payments (billing-api). The forms
 * over HTTP are tested in the plugin's module, on the plugin test kit; the browser is the whole product's.
 */
class SloFormBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    @RegisterExtension
    static final BrowserPortal PORTAL = BrowserPortal.demoBehindProxy(TestPlugins.of().with("slo", SloPlugin::new)
            .source());

    private static Locator field(Page page, String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    @Test
    void inABrowserAnEditorCreatesAnSloThroughTheFormFixingAMistakeOnTheWay() {
        Page page = PORTAL.browser().newContext(Map.of("X-Forwarded-User", "pat",
                "X-Forwarded-Groups", "team-payments")).newPage();
        page.navigate(PORTAL.server().uri("/p/slo/").toString());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New SLO")).click();
        assertEquals("New SLO · Vitals", page.title());

        field(page, "Name").fill("browser-checkout");
        field(page, "Service (catalog name)").fill("billing-api");
        field(page, "Objective (%)").fill("100");
        field(page, "Window").selectOption("28d");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create SLO")).click();

        assertEquals("New SLO · Vitals", page.title(), "the form comes back");
        assertTrue(page.locator("#objective-error").innerText().contains("between 0 and 100 exclusive"));
        assertEquals("browser-checkout", field(page, "Name").inputValue(), "typed values are kept");
        assertEquals("28d", field(page, "Window").inputValue());
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("slo-form-error.png"))
                .setFullPage(true));

        field(page, "Objective (%)").fill("99.9");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create SLO")).click();

        assertEquals("SLO browser-checkout · Vitals", page.title());
        assertTrue(page.locator("main").innerText().contains("objective 99.9 % over rolling 28 d"),
                page.locator("main").innerText());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit this SLO")).click();
        assertEquals("99.9", field(page, "Objective (%)").inputValue());
    }
}
