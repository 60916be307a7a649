package dev.vitals.web.browser;

import com.microsoft.playwright.Page;
import java.time.Duration;

/**
 * Waits for a condition on a page by asking it again and again from the test. Playwright's own
 * {@code waitForFunction} polls inside the page with {@code eval} once the first answer is false, which the portal's
 * content security policy ({@code script-src 'self'}) refuses: such a wait failed whenever the page was not ready at
 * the first look. {@link Page#evaluate} runs through the browser's debugging protocol, which the policy allows.
 */
public final class PageCondition {

    private static final Duration AT_MOST = Duration.ofSeconds(30);
    private static final int EVERY_MILLIS = 20;

    private PageCondition() {
    }

    /**
     * @param page the page
     * @param predicate a JavaScript function of no argument, e.g. {@code () => document.title !== ''}
     * @throws AssertionError when it is still not true after 30 s
     */
    public static void awaitTrue(Page page, String predicate) {
        long end = System.nanoTime() + AT_MOST.toNanos();
        while (!Boolean.TRUE.equals(page.evaluate(predicate))) {
            if (System.nanoTime() > end) {
                throw new AssertionError("still false after " + AT_MOST.toSeconds() + " s on " + page.url() + ": "
                        + predicate);
            }
            page.waitForTimeout(EVERY_MILLIS);
        }
    }
}
