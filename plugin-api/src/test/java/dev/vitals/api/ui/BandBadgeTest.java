package dev.vitals.api.ui;

import static dev.vitals.api.ui.Rendered.html;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BandBadgeTest {

    @Test
    void eachStepHasItsOwnClassAndTheWordIsShown() {
        assertEquals("<span class=\"band band-top\">elite</span>", html(BandBadge.of("elite", BandBadge.Level.TOP)));
        assertEquals("<span class=\"band band-high\">high</span>", html(BandBadge.of("high", BandBadge.Level.HIGH)));
        assertEquals("<span class=\"band band-medium\">medium</span>",
                html(BandBadge.of("medium", BandBadge.Level.MEDIUM)));
        assertEquals("<span class=\"band band-low\">low</span>", html(BandBadge.of("low", BandBadge.Level.LOW)));
    }

    @Test
    void noRatingIsAnUntintedDash() {
        assertEquals("<span class=\"band band-none\">–</span>", html(BandBadge.none()));
    }

    @Test
    void theWordIsEscaped() {
        assertEquals("<span class=\"band band-low\">&lt;b&gt;low&lt;/b&gt;</span>",
                html(BandBadge.of("<b>low</b>", BandBadge.Level.LOW)));
    }
}
