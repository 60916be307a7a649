package dev.vitals.api.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One named row of numbers of a {@link Chart}, one value per point of its time axis; an empty value is a gap: no
 * point, no bar, and the line breaks there.
 *
 * @param label what the series is, shown in the legend and as the data table's column heading
 * @param values one value per point in time, in the chart's unit; empty where nothing is known
 * @since 2.1.0
 */
public record ChartSeries(String label, List<OptionalDouble> values) {

    /**
     * Checks the parts; a value that is not a finite number is refused, since it cannot be drawn or read.
     *
     * @since 2.1.0
     */
    public ChartSeries {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(values, "values");
        for (OptionalDouble v : values) {
            Objects.requireNonNull(v, "values holds null; use OptionalDouble.empty() for a gap");
            if (v.isPresent() && !Double.isFinite(v.getAsDouble())) {
                throw new IllegalArgumentException("series '" + label + "' holds " + v.getAsDouble()
                        + "; values must be finite numbers");
            }
        }
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    /**
     * A series without gaps.
     *
     * @param label what the series is
     * @param numbers one number per point in time
     * @return the series
     * @since 2.1.0
     */
    public static ChartSeries of(String label, List<? extends Number> numbers) {
        return new ChartSeries(label, numbers.stream().map(n -> OptionalDouble.of(n.doubleValue())).toList());
    }
}
