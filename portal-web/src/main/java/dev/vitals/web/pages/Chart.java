package dev.vitals.web.pages;

import dev.vitals.core.signals.HealthHistory.DailyScore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart drawn as SVG on the server, so it shows without JavaScript and costs the page nothing to load. Days
 * without a score break the line.
 *
 * @param segments polyline point lists, one per run of days with a score
 * @param first the first day shown
 * @param last the last day shown
 * @param latest the latest score, or null
 * @param width the drawing's width in SVG units
 * @param height the drawing's height in SVG units
 */
public record Chart(List<String> segments, String first, String last, Double latest, int width, int height) {

    public static Chart of(List<DailyScore> days) {
        int width = 360;
        int height = 100;
        List<String> segments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Double latest = null;
        for (int i = 0; i < days.size(); i++) {
            DailyScore d = days.get(i);
            if (d.score().isEmpty()) {
                if (current.length() > 0) {
                    segments.add(current.toString().trim());
                    current.setLength(0);
                }
                continue;
            }
            double x = days.size() == 1 ? 0 : i * (double) width / (days.size() - 1);
            double y = height - d.score().getAsDouble() * height / 100.0;
            current.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            latest = d.score().getAsDouble();
        }
        if (current.length() > 0) {
            segments.add(current.toString().trim());
        }
        return new Chart(segments, days.isEmpty() ? "" : days.get(0).day().toString(),
                days.isEmpty() ? "" : days.get(days.size() - 1).day().toString(), latest, width, height);
    }

    public boolean empty() {
        return segments.isEmpty();
    }
}
