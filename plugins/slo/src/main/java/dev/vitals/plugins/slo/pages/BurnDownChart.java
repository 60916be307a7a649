package dev.vitals.plugins.slo.pages;

import dev.vitals.plugins.slo.objectives.Slo;
import dev.vitals.plugins.slo.samples.Counts;
import dev.vitals.plugins.slo.samples.SampleRepository;
import dev.vitals.plugins.slo.samples.TimeRange;
import dev.vitals.plugins.slo.status.ErrorBudget;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The error budget left over time, drawn as SVG on the server: the budget remaining of the window ending at each of
 * a number of points up to the moment shown. Points without data break the line; the zero line is drawn.
 *
 * @param points SVG polyline segments
 * @param zeroY where 0 % left sits
 * @param width drawing width
 * @param height drawing height
 * @param from the first point's time
 * @param to the last point's time
 * @param lowest the lowest budget shown, in %
 * @param highest the highest budget shown, in %
 */
public record BurnDownChart(List<String> points, double zeroY, int width, int height, String from, String to,
        long lowest, long highest) {

    static final int POINTS = 31;

    static BurnDownChart of(Slo slo, Instant at, Duration span, SampleRepository samples, ZoneId zone) {
        List<Instant> times = new ArrayList<>();
        List<TimeRange> ranges = new ArrayList<>();
        for (int i = 0; i < POINTS; i++) {
            Instant t = at.minus(span).plus(span.multipliedBy(i).dividedBy(POINTS - 1));
            times.add(t);
            ranges.add(new TimeRange(slo.window().start(t, zone), t));
        }
        List<Counts> counts = samples.counts(slo, ranges);
        List<Double> remaining = counts.stream().map(c -> ErrorBudget.of(c, slo.objective())
                .map(ErrorBudget::remaining).orElse(null)).toList();
        double low = Math.min(0, remaining.stream().filter(r -> r != null).mapToDouble(r -> r).min().orElse(0));
        double high = 1;
        int width = 600;
        int height = 160;
        List<String> segments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < POINTS; i++) {
            Double r = remaining.get(i);
            if (r == null) {
                if (current.length() > 0) {
                    segments.add(current.toString().trim());
                    current.setLength(0);
                }
                continue;
            }
            double x = i * (double) width / (POINTS - 1);
            double y = (high - Math.min(r, high)) / (high - low) * height;
            current.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        if (current.length() > 0) {
            segments.add(current.toString().trim());
        }
        return new BurnDownChart(segments, high / (high - low) * height, width, height,
                times.get(0).atZone(zone).toLocalDate().toString(),
                times.get(POINTS - 1).atZone(zone).toLocalDate().toString(), Math.round(low * 100),
                Math.round(high * 100));
    }

    public boolean empty() {
        return points.isEmpty();
    }
}
