package dev.vitals.plugins.slo.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vitals.plugins.slo.objectives.SloWindow;
import java.util.List;
import org.junit.jupiter.api.Test;

class BurnRateAlertTest {

    private static List<String> windows(SloWindow window) {
        return BurnRateAlert.forWindow(window).stream().map(a -> a.severity() + " " + BurnRateAlert.label(a.longWindow())
                + "&" + BurnRateAlert.label(a.shortWindow()) + " > " + a.threshold()).toList();
    }

    @Test
    void aThirtyDaySloUsesTheWorkbookWindowsAndThresholds() {
        assertEquals(List.of("page 1h&5m > 14.4", "page 6h&30m > 6.0", "ticket 1d&2h > 3.0", "ticket 3d&6h > 1.0"),
                windows(SloWindow.ROLLING_30D));
        assertEquals(windows(SloWindow.ROLLING_30D), windows(SloWindow.CALENDAR_MONTH));
    }

    @Test
    void shorterAndLongerWindowsScaleTheAlertWindowsToWholeMinutes() {
        // 7/30 of 60 min = 14, of 5 min = 1.17 → 1, of 360 = 84, of 30 = 7, of 1440 = 336, of 120 = 28, of 4320 = 1008.
        assertEquals(List.of("page 14m&1m > 14.4", "page 1h24m&7m > 6.0", "ticket 5h36m&28m > 3.0",
                "ticket 16h48m&1h24m > 1.0"), windows(SloWindow.ROLLING_7D));
        // 28/30 of 5 min = 4.67 → 5; of 60 = 56.
        assertEquals(List.of("page 56m&5m > 14.4", "page 5h36m&28m > 6.0", "ticket 22h24m&1h52m > 3.0",
                "ticket 67h12m&5h36m > 1.0"), windows(SloWindow.ROLLING_28D));
        assertEquals(List.of("page 3h&15m > 14.4", "page 18h&1h30m > 6.0", "ticket 3d&6h > 3.0",
                "ticket 9d&18h > 1.0"), windows(SloWindow.CALENDAR_QUARTER));
    }
}
