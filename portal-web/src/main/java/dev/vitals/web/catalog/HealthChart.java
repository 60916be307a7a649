package dev.vitals.web.catalog;

import dev.vitals.api.ui.Chart;
import dev.vitals.api.ui.ChartKind;
import dev.vitals.api.ui.ChartSeries;
import dev.vitals.core.signals.HealthHistory.DailyScore;
import java.util.List;

/** A team's daily health score as a chart: 0 to 100, days before any signal left as a gap. */
final class HealthChart {

    private HealthChart() {
    }

    static Chart of(List<DailyScore> days) {
        String span = days.isEmpty() ? "" : ", " + days.get(0).day() + " to " + days.get(days.size() - 1).day();
        return Chart.builder("Health score per day, last " + days.size() + " days" + span, ChartKind.LINES)
                .days("Day", days.stream().map(DailyScore::day).toList())
                .yAxis("Health score", "points")
                .yMin(0)
                .yMax(100)
                .series(new ChartSeries("Health score", days.stream().map(DailyScore::score).toList()))
                .emptyMessage("No history yet: the score is kept from the first signal about this team's services on.")
                .build();
    }
}
