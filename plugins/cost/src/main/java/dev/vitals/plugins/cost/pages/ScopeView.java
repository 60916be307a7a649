package dev.vitals.plugins.cost.pages;

import dev.vitals.api.EntityRef;
import dev.vitals.api.ui.Chart;
import dev.vitals.api.ui.ChartKind;
import dev.vitals.api.ui.ChartSeries;
import dev.vitals.plugins.cost.costs.CostAnswer;
import dev.vitals.plugins.cost.costs.CostLedger;
import dev.vitals.plugins.cost.costs.DailyAnswer;
import dev.vitals.plugins.cost.costs.DayCost;
import dev.vitals.plugins.cost.costs.GroupBy;
import dev.vitals.plugins.cost.forecast.CostForecast;
import dev.vitals.plugins.cost.forecast.Forecast;
import dev.vitals.plugins.cost.forecast.KnownDays;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads what the panels, the service tab and the overview show of some services' or the organisation's cost. */
final class ScopeView {

    /** The days of the daily chart. */
    static final int CHART_DAYS = 90;
    /** The days of the breakdowns by category and provider. */
    static final int BREAKDOWN_DAYS = 30;

    private final CostLedger ledger;
    private final CostForecast forecasts;
    private final KnownDays known;

    ScopeView(CostLedger ledger, CostForecast forecasts, KnownDays known) {
        this.ledger = ledger;
        this.forecasts = forecasts;
        this.known = known;
    }

    /** @return the last day whose cost is known, else yesterday: the end of every window the pages show */
    LocalDate lastDay() {
        LocalDate today = forecasts.today();
        return known.lastBefore(today).orElse(today.minusDays(1));
    }

    Optional<LocalDate> lastKnown() {
        return known.lastBefore(forecasts.today());
    }

    CostForecast forecasts() {
        return forecasts;
    }

    ScopeSummary summary(Optional<Set<EntityRef>> scope, boolean withQuarter) {
        LocalDate last = lastDay();
        LocalDate from = last.minusDays(BREAKDOWN_DAYS - 1L);
        CostAnswer categories = ledger.costs(GroupBy.CATEGORY, from, last.plusDays(1), scope);
        CostAnswer providers = ledger.costs(GroupBy.PROVIDER, from, last.plusDays(1), scope);
        DailyAnswer days = ledger.daily(last.minusDays(CHART_DAYS - 1L), last.plusDays(1), scope);
        return new ScopeSummary(days.currency(), dailyChart("Effective cost per day, last " + CHART_DAYS + " days",
                days), from, last, Amounts.cents(categories.total()), shares(categories), shares(providers),
                forecasts(scope, withQuarter));
    }

    List<ForecastLine> forecasts(Optional<Set<EntityRef>> scope, boolean withQuarter) {
        LocalDate from = forecasts.monthStart();
        List<LocalDate> untils = withQuarter ? List.of(from.plusMonths(1), forecasts.quarterEnd())
                : List.of(from.plusMonths(1));
        List<Forecast> totals = forecasts.totals(untils, scope);
        List<ForecastLine> lines = new ArrayList<>();
        lines.add(ForecastLine.of("This month", from, untils.get(0), totals.get(0)));
        if (withQuarter) {
            lines.add(ForecastLine.of("This quarter, from this month", from, untils.get(1), totals.get(1)));
        }
        return lines;
    }

    static Chart dailyChart(String title, DailyAnswer days) {
        return Chart.builder(title, ChartKind.LINES)
                .days("Day", days.days().stream().map(DayCost::date).toList())
                .yAxis("Cost", days.currency() + "/day")
                .decimals(2)
                .series(ChartSeries.of("Effective cost", days.days().stream()
                        .map(d -> Amounts.charted(new BigDecimal(d.cost()))).toList()))
                .emptyMessage("No cost in these " + CHART_DAYS + " days.")
                .build();
    }

    private static List<Share> shares(CostAnswer answer) {
        BigDecimal total = new BigDecimal(answer.total());
        return answer.groups().stream().map(g -> new Share(g.key().isEmpty() ? CategoryMonths.UNCATEGORISED : g.key(),
                "", Amounts.cents(g.cost()), Amounts.share(new BigDecimal(g.cost()), total).orElse(""))).toList();
    }
}
