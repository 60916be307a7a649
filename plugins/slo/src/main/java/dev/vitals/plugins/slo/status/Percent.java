package dev.vitals.plugins.slo.status;

import java.util.Locale;

/** Shares as people read them on pages and in verdicts: 0.9955 is "99.550 %". */
public final class Percent {

    private Percent() {
    }

    /** @return the share as a percentage with that many decimal places */
    public static String of(double share, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f %%", share * 100);
    }
}
