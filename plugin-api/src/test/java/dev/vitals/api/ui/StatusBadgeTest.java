package dev.vitals.api.ui;

import static dev.vitals.api.ui.Rendered.html;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.SignalStatus;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusBadgeTest {

    @Test
    void everyStatusHasOneWordAndOneColourClass() {
        assertEquals(List.of("OK", "Unknown", "Warning", "Critical"),
                Arrays.stream(SignalStatus.values()).map(StatusBadge::label).toList());
        assertEquals(List.of("status-ok", "status-unknown", "status-warn", "status-critical"),
                Arrays.stream(SignalStatus.values()).map(StatusBadge::cssClass).toList());
    }

    @Test
    void aBadgeShowsTheWordAndTheReasonAsVisibleText() {
        assertEquals("<span class=\"status status-warn\"><span class=\"dot\" aria-hidden=\"true\"></span>Warning</span>"
                        + " <span class=\"status-reason\">budget below 25 %</span>",
                html(StatusBadge.of(SignalStatus.WARN).because("budget below 25 %")));
    }

    @Test
    void aCompactBadgeKeepsTheReasonForScreenReadersNotOnlyForHover() {
        String html = html(StatusBadge.of(SignalStatus.CRITICAL).because("budget spent").compact()
                .linkedTo("/services/billing?tab=slo.slos"));

        assertEquals("<a class=\"status status-critical\" href=\"/services/billing?tab=slo.slos\" title=\"budget spent\">"
                + "<span class=\"dot\" aria-hidden=\"true\"></span>Critical"
                + "<span class=\"visually-hidden\">: budget spent</span></a>", html);
    }

    @Test
    void theReasonAndTheLinkAreEscaped() {
        String html = html(StatusBadge.of(SignalStatus.OK).because("<script>alert(1)</script> & \"more\"")
                .compact().linkedTo("/x?a=1&b=\"2\""));

        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;"), html);
        assertTrue(html.contains("href=\"/x?a=1&amp;b=&#34;2&#34;\""), html);
    }

    @Test
    void noSignalSaysSoInWordsAndSaysWhy() {
        String html = html(StatusBadge.noSignal().compact());

        assertEquals("<span class=\"status status-none\" title=\"no signal yet\"><span class=\"dot\" aria-hidden=\"true\">"
                + "</span>No signal<span class=\"visually-hidden\">: no signal yet</span></span>", html);
    }
}
