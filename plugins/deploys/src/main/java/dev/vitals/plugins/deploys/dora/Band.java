package dev.vitals.plugins.deploys.dora;

import dev.vitals.api.ui.BandBadge;
import java.util.Locale;

/** The DORA performance bands, best first. */
public enum Band {
    ELITE, HIGH, MEDIUM, LOW;

    /** @return the name in the API and on pages */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the band as the portal's band badge shows it, coloured by its step */
    public BandBadge badge() {
        return BandBadge.of(label(), switch (this) {
            case ELITE -> BandBadge.Level.TOP;
            case HIGH -> BandBadge.Level.HIGH;
            case MEDIUM -> BandBadge.Level.MEDIUM;
            case LOW -> BandBadge.Level.LOW;
        });
    }
}
