package dev.vitals.web.browser;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Headless Chromium for browser tests: Debian's {@code /usr/bin/chromium} driven by Playwright, which is told not to
 * download a browser of its own. Without Chromium the test fails, never skips, and says how to install it.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    private Browser(Playwright playwright, com.microsoft.playwright.Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Browser launch() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new AssertionError("Browser tests need Chromium at " + CHROMIUM
                    + ": install it with 'apt-get update && apt-get install -y chromium' (.ci/run does)");
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            return new Browser(playwright, playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking"))));
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A fresh browser profile: no cookies, with these headers on every request (e.g. a proxy's identity). */
    public com.microsoft.playwright.BrowserContext newContext(Map<String, String> headers) {
        return browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setExtraHTTPHeaders(headers).setViewportSize(1280, 1000));
    }

    /** A fresh browser profile as {@link #newContext(Map)}, for a viewer whose clock shows this time zone. */
    public com.microsoft.playwright.BrowserContext newContext(Map<String, String> headers, String timeZone) {
        return browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setExtraHTTPHeaders(headers).setViewportSize(1280, 1000).setTimezoneId(timeZone));
    }

    /** Closes every browser profile opened so far, with its pages, and keeps the browser running for the next. */
    public void closeContexts() {
        for (com.microsoft.playwright.BrowserContext context : browser.contexts()) {
            context.close();
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
