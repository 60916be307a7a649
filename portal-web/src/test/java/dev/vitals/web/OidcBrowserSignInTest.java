package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import dev.vitals.core.testing.TestPlugins;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sign-in with OpenID Connect in headless Chromium: a person opens a protected page, is sent to the provider's login
 * form, types who they are and their groups, and comes back to that page with the roles the groups give.
 */
class OidcBrowserSignInTest {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    /** Runs before the portal starts (fields start in this order), for the portal is told its address. */
    private static final TestOidcProvider PROVIDER = TestOidcProvider.start(true);
    @RegisterExtension
    static final BrowserPortal PORTAL = BrowserPortal.of(TestPlugins.of().with("guarded", GuardedPlugin::new).source(),
            PROVIDER::portalEnvironment);

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    /** Opens the page and signs in at the provider's form; returns the page once back at the portal. */
    private static Page signInOpening(BrowserContext context, String path, String user, String claims) {
        Page page = context.newPage();
        page.navigate(PORTAL.server().uri(path).toString());
        assertTrue(page.url().startsWith(PROVIDER.issuer() + "/authorize"), "at the provider: " + page.url());
        page.locator("input[name=username]").fill(user);
        page.locator("textarea[name=claims]").fill(claims);
        page.locator("input[type=submit]").click();
        page.waitForURL(url -> url.startsWith(PORTAL.server().uri("/").toString()));
        return page;
    }

    @Test
    void anAdminGroupMemberSignsInAtTheProviderAndLandsOnThePageTheyOpenedAsAnAdmin() {
        BrowserContext context = PORTAL.browser().newContext(Map.of());
        Page page = signInOpening(context, "/p/guarded/", "ada", "{\"groups\": [\"vitals-admins\"]}");
        assertEquals(PORTAL.server().uri("/p/guarded/").toString(), page.url());
        assertTrue(page.locator("main").innerText().contains("things"), page.locator("main").innerText());
        assertEquals("ada", page.locator("form.signed-in span").innerText());
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("oidc-signed-in.png")));

        page.navigate(PORTAL.server().uri("/admin/roles").toString());
        assertEquals(200, context.request().get(PORTAL.server().uri("/api/admin/plugins").toString()).status(),
                "the admin group makes an admin");
        assertTrue(page.locator("main").innerText().contains("Grant"), page.locator("main").innerText());

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertTrue(page.locator("main").innerText().contains("signed out of Vitals"), page.locator("main").innerText());
        assertEquals(401, context.request().get(PORTAL.server().uri("/api/admin/plugins").toString()).status());
    }

    @Test
    void aTeamGroupMemberSignsInAsAnEditorOfThatTeamOnly() {
        BrowserContext context = PORTAL.browser().newContext(Map.of());
        Page page = signInOpening(context, "/", "ed", "{\"groups\": [\"team-a\", \"staff\"]}");
        assertEquals(PORTAL.server().uri("/").toString(), page.url());
        assertEquals("ed", page.locator("form.signed-in span").innerText());

        page.navigate(PORTAL.server().uri("/admin/roles").toString());
        assertTrue(page.locator("main").innerText().contains("does not have the admin role"),
                page.locator("main").innerText());
        String origin = "http://localhost:" + PORTAL.server().uri("/").getPort();
        String tokens = PORTAL.server().uri("/api/admin/tokens").toString();
        APIResponse own = context.request().post(tokens, RequestOptions.create()
                .setHeader("Origin", origin).setHeader("Content-Type", "application/json")
                .setData("{\"name\": \"a-ci\", \"scopes\": [\"guarded:write\"], \"team\": \"a\"}"));
        assertEquals(201, own.status(), own.text());
        APIResponse other = context.request().post(tokens, RequestOptions.create()
                .setHeader("Origin", origin).setHeader("Content-Type", "application/json")
                .setData("{\"name\": \"b-ci\", \"scopes\": [\"guarded:write\"], \"team\": \"b\"}"));
        assertEquals(422, other.status(), other.text());
    }
}
