package dev.vitals.api.ui;

import static dev.vitals.api.ui.Rendered.html;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PagerTest {

    private static Map<String, List<String>> query(String... pairs) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            query.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return query;
    }

    @Test
    void theLinksKeepTheOtherParametersAndChangeOnlyThePage() {
        Pager pager = Pager.of("/services", query("team", "group:default/payments", "tag", "a", "tag", "b", "page", "2"),
                2, 50, 120);

        assertEquals(Optional.of("/services?team=group%3Adefault%2Fpayments&tag=a&tag=b&page=1"), pager.previous());
        assertEquals(Optional.of("/services?team=group%3Adefault%2Fpayments&tag=a&tag=b&page=3"), pager.next());
    }

    @Test
    void theMiddlePageSaysWhichItemsItShowsOfHowMany() {
        String html = html(Pager.of("/p/slo/", query("sort", "name"), 2, 50, 120));

        assertEquals("<nav class=\"pager\" aria-label=\"Pages\"><a href=\"/p/slo/?sort=name&amp;page=1\" rel=\"prev\">"
                + "← Previous</a><span>51–100 of 120</span><a href=\"/p/slo/?sort=name&amp;page=3\" rel=\"next\">Next →</a>"
                + "</nav>", html);
    }

    @Test
    void theFirstPageHasNoPreviousAndTheLastNoNext() {
        Pager first = Pager.of("/", Map.of(), 1, 50, 120);
        Pager last = Pager.of("/", Map.of(), 3, 50, 120);

        assertEquals(Optional.empty(), first.previous());
        assertEquals(Optional.of("/?page=2"), first.next());
        assertEquals("101–120 of 120", last.range());
        assertEquals(Optional.empty(), last.next());
        assertEquals(3, last.pages());
    }

    @Test
    void aListThatFitsOnOnePageShowsNoPager() {
        assertEquals("", html(Pager.of("/", Map.of(), 1, 50, 50)));
        assertEquals("", html(Pager.of("/", Map.of(), 1, 50, 0)));
    }

    @Test
    void aPageBeyondTheEndLeadsBackToTheLastPage() {
        Pager pager = Pager.of("/", Map.of(), 9, 50, 120);

        assertEquals("none of 120 on page 9", pager.range());
        assertEquals(Optional.of("/?page=3"), pager.previous());
        assertTrue(html(pager).contains("rel=\"prev\""));
    }

    @Test
    void parameterValuesAreEncodedAndEscaped() {
        Pager pager = Pager.of("/services", query("text", "<a href=\"x\">&"), 1, 10, 30);

        assertEquals(Optional.of("/services?text=%3Ca+href%3D%22x%22%3E%26&page=2"), pager.next());
        assertTrue(html(pager).contains("href=\"/services?text=%3Ca+href%3D%22x%22%3E%26&amp;page=2\""), html(pager));
    }
}
