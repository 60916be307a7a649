package dev.vitals.api.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** What a {@link Chart} holds, as its builder collected it; {@link ChartMarkup} writes it out. */
record ChartSpec(String title, ChartKind kind, String xHeading, List<Long> xSeconds, List<String> xLabels,
        String timeZone, String yLabel, String unit, int decimals, List<ChartSeries> series, List<ChartBand> bands,
        OptionalDouble yMin, OptionalDouble yMax, String emptyMessage) {

    /** The chart's own series, then each band's low and high edge: every row of numbers drawn and tabled. */
    List<ChartSeries> allSeries() {
        List<ChartSeries> all = new ArrayList<>(series);
        bands.forEach(b -> {
            all.add(b.low());
            all.add(b.high());
        });
        return all;
    }

    /** Whether no row has a single value. */
    boolean empty() {
        return allSeries().stream().flatMap(s -> s.values().stream()).noneMatch(OptionalDouble::isPresent);
    }
}
