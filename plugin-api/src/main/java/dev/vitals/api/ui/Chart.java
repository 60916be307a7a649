package dev.vitals.api.ui;

import gg.jte.Content;
import gg.jte.TemplateOutput;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A chart over time, the one every page of the portal and its plugins draws with: lines, bars or stacked bars, with
 * shaded bands, axes with units, a legend, values on hover and on keyboard focus, and a data table under it for screen
 * readers and for copying. Put it into a jte template as {@code ${chart}}.
 *
 * <p>The markup is a {@code <figure>} whose caption is the title, holding the chart's numbers in a
 * {@code <script type="application/json">} block (data, never run) that the portal's chart script draws with uPlot, and
 * the same numbers, rounded the same way, in a {@code <table>} inside a {@code <details>}. Every text is HTML-escaped
 * and the markup has no inline script or style, so it passes the portal's content security policy. Without
 * JavaScript the table is still there.
 *
 * <pre>{@code
 * Chart chart = Chart.builder("Production deploys per week", ChartKind.BARS)
 *         .days("Week from", weekStarts)
 *         .yAxis("Deploys", "deploys/week")
 *         .series(ChartSeries.of("Deploys", counts))
 *         .build();
 * }</pre>
 *
 * @since 2.1.0
 */
public final class Chart implements Content {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ChartSpec spec;

    private Chart(ChartSpec spec) {
        this.spec = spec;
    }

    /**
     * Starts a chart.
     *
     * @param title what the chart shows, its caption and accessible name
     * @param kind how its series are drawn
     * @return a builder
     * @since 2.1.0
     */
    public static Builder builder(String title, ChartKind kind) {
        return new Builder(title, kind);
    }

    /**
     * @return the chart's title
     * @since 2.1.0
     */
    public String title() {
        return spec.title();
    }

    /**
     * @return whether no series or band has a single value, in which case the chart shows its empty message instead
     * @since 2.1.0
     */
    public boolean isEmpty() {
        return spec.empty();
    }

    /**
     * Writes the chart's markup.
     *
     * @param output the template's output
     * @since 2.1.0
     */
    @Override
    public void writeTo(TemplateOutput output) {
        output.writeContent(html());
    }

    /**
     * @return the chart's markup, as {@link #writeTo} writes it
     * @since 2.1.0
     */
    public String html() {
        return new ChartMarkup(spec).html();
    }

    /**
     * Collects a chart's parts; {@link #build} checks that every series has one value per point in time.
     *
     * @since 2.1.0
     */
    public static final class Builder {

        private final String title;
        private final ChartKind kind;
        private String xHeading = "Day";
        private List<Long> xSeconds = List.of();
        private List<String> xLabels = List.of();
        private String timeZone = "UTC";
        private String yLabel = "";
        private String unit = "";
        private int decimals = 0;
        private final List<ChartSeries> series = new ArrayList<>();
        private final List<ChartBand> bands = new ArrayList<>();
        private OptionalDouble yMin = OptionalDouble.empty();
        private OptionalDouble yMax = OptionalDouble.empty();
        private String emptyMessage = "No data in this period.";

        private Builder(String title, ChartKind kind) {
            this.title = Objects.requireNonNull(title, "title");
            this.kind = Objects.requireNonNull(kind, "kind");
        }

        /**
         * Points in time that are whole days (or weeks, named by a day), labelled {@code 2026-11-30}.
         *
         * @param heading the data table's heading of the time column, e.g. {@code Day} or {@code Week from}
         * @param days the days, oldest first
         * @return this builder
         * @since 2.1.0
         */
        public Builder days(String heading, List<LocalDate> days) {
            this.xHeading = Objects.requireNonNull(heading, "heading");
            this.xSeconds = days.stream().map(d -> d.atStartOfDay(ZoneOffset.UTC).toEpochSecond()).toList();
            this.xLabels = days.stream().map(LocalDate::toString).toList();
            this.timeZone = "UTC";
            return this;
        }

        /**
         * Points in time to the minute, labelled {@code 2026-11-30 14:05} in the given zone.
         *
         * @param heading the data table's heading of the time column, e.g. {@code Time}
         * @param instants the instants, oldest first
         * @param zone the zone the axis and the table show them in, usually the organisation's
         * @return this builder
         * @since 2.1.0
         */
        public Builder instants(String heading, List<Instant> instants, ZoneId zone) {
            this.xHeading = Objects.requireNonNull(heading, "heading");
            this.xSeconds = instants.stream().map(Instant::getEpochSecond).toList();
            this.xLabels = instants.stream().map(i -> MINUTES.format(i.atZone(zone))).toList();
            this.timeZone = zone.getId();
            return this;
        }

        /**
         * What the values measure and in which unit; the axis reads "label (unit)" and so do the table's headings.
         *
         * @param label e.g. {@code Error budget left}
         * @param unit e.g. {@code %}, {@code deploys/week}, {@code h}; empty for plain counts
         * @return this builder
         * @since 2.1.0
         */
        public Builder yAxis(String label, String unit) {
            this.yLabel = Objects.requireNonNull(label, "label");
            this.unit = Objects.requireNonNull(unit, "unit");
            return this;
        }

        /**
         * Fixes the bottom of the value axis instead of fitting it to the data, e.g. 0 for a score.
         *
         * @param min the bottom
         * @return this builder
         * @since 2.1.0
         */
        public Builder yMin(double min) {
            this.yMin = OptionalDouble.of(min);
            return this;
        }

        /**
         * Fixes the top of the value axis instead of fitting it to the data, e.g. 100 for a score; values above it
         * are still in the table.
         *
         * @param max the top
         * @return this builder
         * @since 2.1.0
         */
        public Builder yMax(double max) {
            this.yMax = OptionalDouble.of(max);
            return this;
        }

        /**
         * @param digits digits after the decimal point, in the legend and the table alike (0 by default); the numbers
         *     drawn are rounded the same way
         * @return this builder
         * @since 2.1.0
         */
        public Builder decimals(int digits) {
            if (digits < 0 || digits > 6) {
                throw new IllegalArgumentException("decimals must be 0 to 6, not " + digits);
            }
            this.decimals = digits;
            return this;
        }

        /**
         * @param more series to draw, in legend order
         * @return this builder
         * @since 2.1.0
         */
        public Builder series(ChartSeries... more) {
            series.addAll(List.of(more));
            return this;
        }

        /**
         * @param band a shaded interval to draw under the series
         * @return this builder
         * @since 2.1.0
         */
        public Builder band(ChartBand band) {
            bands.add(Objects.requireNonNull(band, "band"));
            return this;
        }

        /**
         * @param message what the chart says instead when it has no value at all
         * @return this builder
         * @since 2.1.0
         */
        public Builder emptyMessage(String message) {
            this.emptyMessage = Objects.requireNonNull(message, "message");
            return this;
        }

        /**
         * @return the chart
         * @throws IllegalArgumentException when a series or band has not one value per point in time, or there is
         *     nothing to draw
         * @since 2.1.0
         */
        public Chart build() {
            if (series.isEmpty() && bands.isEmpty()) {
                throw new IllegalArgumentException("chart '" + title + "' has no series and no band");
            }
            ChartSpec spec = new ChartSpec(title, kind, xHeading, xSeconds, xLabels, timeZone, yLabel, unit, decimals,
                    List.copyOf(series), List.copyOf(bands), yMin, yMax, emptyMessage);
            for (ChartSeries s : spec.allSeries()) {
                if (s.values().size() != xSeconds.size()) {
                    throw new IllegalArgumentException("series '" + s.label() + "' of chart '" + title + "' has "
                            + s.values().size() + " values for " + xSeconds.size() + " points in time");
                }
            }
            return new Chart(spec);
        }
    }
}
