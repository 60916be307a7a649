package dev.vitals.plugins.deploys.dora;

import java.util.Locale;

/** The DORA performance bands, best first. */
public enum Band {
    ELITE, HIGH, MEDIUM, LOW;

    /** @return the name in the API and on pages */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
