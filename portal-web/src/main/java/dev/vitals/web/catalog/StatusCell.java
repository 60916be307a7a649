package dev.vitals.web.catalog;

import dev.vitals.api.Signal;
import dev.vitals.api.SignalStatus;
import dev.vitals.api.ui.StatusBadge;
import java.util.Comparator;
import java.util.List;

/**
 * The worst of a plugin's signals about one service, as a grid cell or a badge shows it.
 *
 * @param status {@code ok}, {@code warn}, {@code critical}, {@code unknown}, or {@code none} without signals
 * @param summary the summary of the worst signal (several are joined)
 * @param href where the detail is
 */
public record StatusCell(String status, String summary, String href) {

    public static StatusCell of(List<Signal> signals, String fallbackHref) {
        if (signals.isEmpty()) {
            return new StatusCell("none", "no signal yet", fallbackHref);
        }
        Signal worst = signals.stream().max(Comparator.comparing(Signal::status)).orElseThrow();
        String summary = signals.size() == 1 ? worst.summary()
                : String.join("; ", signals.stream().sorted(Comparator.comparing(Signal::status).reversed())
                        .map(s -> s.kind() + ": " + s.summary()).toList());
        return new StatusCell(worst.status().name().toLowerCase(), summary, worst.link().orElse(fallbackHref));
    }

    /** The cell as every status on the portal shows: compact, the summary read out, linked to the detail. */
    public StatusBadge badge() {
        StatusBadge badge = status.equals("none") ? StatusBadge.noSignal()
                : StatusBadge.of(SignalStatus.valueOf(status.toUpperCase()));
        return badge.because(summary).compact().linkedTo(href);
    }

    /** The cell with its reason as visible text beside the word, for a list with room for it. */
    public StatusBadge badgeWithReason() {
        if (status.equals("none")) {
            return StatusBadge.noSignal().because("").linkedTo(href);
        }
        return StatusBadge.of(SignalStatus.valueOf(status.toUpperCase())).because(summary).linkedTo(href);
    }

    /** Worst first, for sorting. */
    public int severity() {
        return status.equals("none") ? -1 : SignalStatus.valueOf(status.toUpperCase()).ordinal();
    }
}
