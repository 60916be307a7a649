package dev.vitals.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * axe-core, Deque's accessibility engine (vendored from npm with its licence under test resources {@code axe-core/}),
 * run in a page the browser test opened, on the rules of WCAG 2.0, 2.1 and 2.2 at levels A and AA. It is put into the
 * page with {@link Page#evaluate}, which the page's Content-Security-Policy does not govern, so the portal serves
 * nothing for it and its pages keep their policy.
 */
public final class Axe {

    /** axe's tags for the WCAG 2.0, 2.1 and 2.2 success criteria of levels A and AA. */
    public static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a",
            "wcag22aa");
    private static final String SOURCE = read("/axe-core/axe.min.js");
    private static final String RUN = """
            async ([tags, excluded]) => {
              const context = excluded.length === 0 ? document : {include: [['html']], exclude: excluded.map(e => [e])};
              const result = await window.axe.run(context, {runOnly: {type: 'tag', values: tags},
                                                             resultTypes: ['violations']});
              return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                  + v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(', '));
            }""";

    private Axe() {
    }

    /**
     * @param excluded CSS selectors of regions left out: only markup the portal does not write (a third-party
     *     widget), each named with its reason where it is used
     * @return the page's serious and critical violations of the WCAG 2.2 AA rules, one line each
     */
    @SuppressWarnings("unchecked")
    public static List<String> seriousViolations(Page page, List<String> excluded) {
        Object loaded = page.evaluate("() => { " + SOURCE + "\n; return typeof window.axe; }");
        assertEquals("object", loaded, "axe-core did not load into the page");
        return (List<String>) page.evaluate(RUN, List.of(WCAG_22_AA, excluded));
    }

    /** Fails naming every serious or critical violation on the page, said to be {@code where}. */
    public static void assertNoSeriousViolations(Page page, String where) {
        assertNoSeriousViolations(page, where, List.of());
    }

    /** As {@link #assertNoSeriousViolations(Page, String)}, leaving out the regions given. */
    public static void assertNoSeriousViolations(Page page, String where, List<String> excluded) {
        List<String> violations = seriousViolations(page, excluded);
        assertEquals(List.of(), violations, () -> where + ": " + violations.size()
                + " serious or critical accessibility violation(s) (axe-core, WCAG 2.2 AA):\n  "
                + String.join("\n  ", violations));
    }

    private static String read(String resource) {
        try (InputStream in = Axe.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
