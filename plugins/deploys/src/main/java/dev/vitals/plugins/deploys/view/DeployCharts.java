package dev.vitals.plugins.deploys.view;

import dev.vitals.api.ui.Chart;
import dev.vitals.api.ui.ChartKind;
import dev.vitals.api.ui.ChartSeries;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The plugin's charts, drawn with the plugin API's chart: weekly deploy counts and the share migrated. */
public final class DeployCharts {

    private DeployCharts() {
    }

    /**
     * @param title what is counted, e.g. "Production deploys of checkout per ISO week"
     * @param weekStarts the Monday of each week, oldest first
     * @param counts the deploys of each week
     * @return bars, one per week
     */
    public static Chart weeklyDeploys(String title, List<LocalDate> weekStarts, List<Long> counts) {
        return Chart.builder(title, ChartKind.BARS)
                .days("Week from", weekStarts)
                .yAxis("Deploys", "deploys/week")
                .series(ChartSeries.of("Production deploys", counts))
                .build();
    }

    /**
     * @param title whose services are counted
     * @param shareByWeekEnd the share deploying independently (0 to 1) at the end of each week, oldest first
     * @return a line from 0 to 100 %
     */
    public static Chart independentShare(String title, Map<LocalDate, Double> shareByWeekEnd) {
        return Chart.builder(title, ChartKind.LINES)
                .days("Week ending", List.copyOf(shareByWeekEnd.keySet()))
                .yAxis("Independent", "%")
                .decimals(1)
                .yMin(0)
                .yMax(100)
                .series(ChartSeries.of("Services deploying independently",
                        shareByWeekEnd.values().stream().map(s -> s * 100).toList()))
                .build();
    }
}
