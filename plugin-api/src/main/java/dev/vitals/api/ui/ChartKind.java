package dev.vitals.api.ui;

/**
 * How a {@link Chart} draws its series.
 *
 * @since 2.1.0
 */
public enum ChartKind {
    /** One line per series over time; a missing value breaks the line. */
    LINES,
    /** One bar per point in time; a missing value leaves no bar. Meant for one series. */
    BARS,
    /** Bars whose series stack on each other at each point in time; the top is their sum. */
    STACKED_BARS
}
