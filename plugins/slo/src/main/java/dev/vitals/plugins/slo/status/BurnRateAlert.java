package dev.vitals.plugins.slo.status;

import dev.vitals.plugins.slo.objectives.SloWindow;
import java.time.Duration;
import java.util.List;

/**
 * A multi-window, multi-burn-rate alert as in the SRE workbook: it fires while the burn rate over both its long and
 * its short window exceeds the threshold. The short window makes it resolve soon after the burn stops.
 *
 * @param severity {@code page} or {@code ticket}
 * @param longWindow the window that proves the burn is significant
 * @param shortWindow the window that proves it is still going on
 * @param threshold the burn rate both must exceed
 */
public record BurnRateAlert(String severity, Duration longWindow, Duration shortWindow, double threshold) {

    /** The rules for a 30-day SLO. */
    static final List<BurnRateAlert> FOR_30_DAYS = List.of(
            new BurnRateAlert("page", Duration.ofHours(1), Duration.ofMinutes(5), 14.4),
            new BurnRateAlert("page", Duration.ofHours(6), Duration.ofMinutes(30), 6),
            new BurnRateAlert("ticket", Duration.ofDays(1), Duration.ofHours(2), 3),
            new BurnRateAlert("ticket", Duration.ofDays(3), Duration.ofHours(6), 1));

    /** How other windows are treated, in words for the pages. */
    public static final String SCALING_RULE = "Alert windows are those of a 30-day SLO multiplied by (SLO window ÷ "
            + "30 days) and rounded to whole minutes, at least one; a calendar month counts as 30 days and a quarter "
            + "as 90. Thresholds stay the same, because each one stands for the same share of the budget spent "
            + "within the long window.";

    /** @return the alerts of an SLO over {@code window}, scaled as {@link #SCALING_RULE} says */
    public static List<BurnRateAlert> forWindow(SloWindow window) {
        double factor = (double) window.nominalLength().toMinutes() / Duration.ofDays(30).toMinutes();
        return FOR_30_DAYS.stream().map(a -> new BurnRateAlert(a.severity, scale(a.longWindow, factor),
                scale(a.shortWindow, factor), a.threshold)).toList();
    }

    private static Duration scale(Duration d, double factor) {
        return Duration.ofMinutes(Math.max(1, Math.round(d.toMinutes() * factor)));
    }

    /** @return the way the status API writes a window: {@code 5m}, {@code 1h}, {@code 1d}, {@code 1h24m}… */
    public static String label(Duration d) {
        long minutes = d.toMinutes();
        if (minutes % (24 * 60) == 0) {
            return minutes / (24 * 60) + "d";
        }
        if (minutes % 60 == 0) {
            return minutes / 60 + "h";
        }
        return minutes >= 60 ? minutes / 60 + "h" + minutes % 60 + "m" : minutes + "m";
    }
}
