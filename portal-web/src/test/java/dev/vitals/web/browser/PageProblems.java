package dev.vitals.web.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What went wrong on a page while a browser test used it: Content-Security-Policy violations, errors on the console
 * (where Chromium also reports a refused script or style and a resource that failed to load), uncaught script errors,
 * and responses of 400 or more. One watch for every browser test, so each fails on the same things with one message.
 */
public final class PageProblems {

    /**
     * Reports each {@code securitypolicyviolation} on the console, from the page's first moment. Chromium logs a
     * refusal too, but not for every directive; listening for the event itself makes the intent plain. An init script
     * is not subject to the page's policy.
     */
    static final String CSP_LISTENER = "document.addEventListener('securitypolicyviolation', e => console.error("
            + "'CSP violation: ' + e.effectiveDirective + ' blocked ' + e.blockedURI));";

    private final List<String> seen = new CopyOnWriteArrayList<>();

    private PageProblems() {
    }

    /** Watches the page from its next navigation on: call before the page opens anything. */
    public static PageProblems watch(Page page) {
        PageProblems problems = new PageProblems();
        page.addInitScript(CSP_LISTENER);
        page.onConsoleMessage(message -> {
            // A policy refusal may come as a warning, e.g. from a report-only header: it is still a problem.
            if (message.type().equals("error") || message.text().contains("Content Security Policy")) {
                problems.seen.add("console: " + message.text() + " (" + message.location() + ")");
            }
        });
        page.onPageError(error -> problems.seen.add("script error: " + error));
        page.onResponse(response -> {
            if (response.status() >= 400) {
                problems.seen.add("response: " + response.status() + " " + response.url());
            }
        });
        return problems;
    }

    /** @return every problem seen so far, in the order they happened */
    public List<String> seen() {
        return List.copyOf(seen);
    }

    /** Fails naming every problem seen on the page, said to be {@code where}. */
    public void assertNone(String where) {
        List<String> now = seen();
        assertTrue(now.isEmpty(), () -> where + ": " + now.size() + " CSP violation(s), console or script error(s)"
                + " or failed response(s):\n  " + String.join("\n  ", now));
    }
}
