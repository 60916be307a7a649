package dev.vitals.web.browser;

import com.microsoft.playwright.Page;

/**
 * The plugin API's charts on a page in a browser test. The chart script redraws a chart when its box changes width,
 * in the browser's next frame; a test that resizes the window waits for that redraw before it measures the page.
 */
public final class Charts {

    /** True once every chart on the page was last drawn at the width its box has now. */
    private static final String DRAWN_AT_THEIR_WIDTH = "() => Array.from(document.querySelectorAll('.vitals-chart-plot'))"
            + ".every(p => p.dataset.drawnWidth === String(p.clientWidth))";

    private Charts() {
    }

    /** Waits until every chart on the page is drawn at its box's current width (at once when there is none). */
    public static void awaitDrawnAtTheirWidth(Page page) {
        PageCondition.awaitTrue(page, DRAWN_AT_THEIR_WIDTH);
    }
}
