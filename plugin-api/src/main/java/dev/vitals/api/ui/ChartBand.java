package dev.vitals.api.ui;

import java.util.Objects;

/**
 * A shaded interval between a low and a high series of a {@link Chart}, e.g. an SLO's error budget or a forecast's
 * interval. Both series are drawn as thin lines with the area between them filled, and both are columns of the data
 * table; where either value is missing the band has a gap.
 *
 * @param label what the interval is, shown in the legend
 * @param low the lower edge
 * @param high the upper edge, as many values as the lower edge
 * @since 2.1.0
 */
public record ChartBand(String label, ChartSeries low, ChartSeries high) {

    /**
     * Checks the parts.
     *
     * @since 2.1.0
     */
    public ChartBand {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(high, "high");
        if (low.values().size() != high.values().size()) {
            throw new IllegalArgumentException("band '" + label + "' has " + low.values().size() + " low and "
                    + high.values().size() + " high values");
        }
    }
}
