package dev.vitals.api.ui;

import static dev.vitals.api.ui.Rendered.html;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EmptyStateTest {

    @Test
    void theSentenceSaysWhatIsMissingAndWhatToDoWithCodeBetweenBackticks() {
        assertEquals("<p class=\"empty-state\">No notes yet. Leave one with <code>POST /api/example/notes</code>.</p>",
                html(EmptyState.of("No notes yet. Leave one with `POST /api/example/notes`.")));
    }

    @Test
    void anActionLinkEndsTheSentence() {
        assertEquals("<p class=\"empty-state\">No SLOs yet. <a href=\"/p/slo/new\">Define the first one</a></p>",
                html(EmptyState.of("No SLOs yet.").action("Define the first one", "/p/slo/new")));
    }

    @Test
    void everyTextIsEscapedAlsoInsideCode() {
        assertEquals("<p class=\"empty-state\">No &lt;b&gt; <code>{\"a\": &lt;1&gt;}</code> "
                        + "<a href=\"/x?a=1&amp;b=&#34;\">&lt;go&gt;</a></p>",
                html(EmptyState.of("No <b> `{\"a\": <1>}`").action("<go>", "/x?a=1&b=\"")));
    }

    @Test
    void anUnpairedBacktickStaysText() {
        assertEquals("<p class=\"empty-state\">Run <code>a</code> then `b</p>", html(EmptyState.of("Run `a` then `b")));
    }
}
