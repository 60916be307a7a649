package dev.vitals.plugins.cost.pages;

import dev.vitals.api.EntityRef;
import dev.vitals.api.Page;
import dev.vitals.api.PluginUrls;
import dev.vitals.api.ui.Chart;
import dev.vitals.api.ui.ChartKind;
import dev.vitals.api.ui.ChartSeries;
import dev.vitals.plugins.cost.costs.CostAnswer;
import dev.vitals.plugins.cost.costs.CostLedger;
import dev.vitals.plugins.cost.costs.GroupBy;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * {@code /p/cost/}: the organisation's cost at a glance. The trend by service category per month, the teams' and the
 * unallocated cost of the last 30 days, the services that moved most this week, this month's and this quarter's
 * forecast with its interval, and the open anomalies.
 */
public final class CostPage {

    /** The trend's months unless {@code ?months=} says otherwise: a year and the same month a year ago. */
    static final int MONTHS = 13;
    static final int MAX_MONTHS = 24;

    private final CostLedger ledger;
    private final ScopeView view;
    private final CategoryMonths categories;
    private final Movers movers;
    private final PluginUrls urls;
    private final AnomaliesPartial anomalies;

    CostPage(CostLedger ledger, ScopeView view, CategoryMonths categories, PluginUrls urls,
            AnomaliesPartial anomalies) {
        this.ledger = ledger;
        this.view = view;
        this.categories = categories;
        this.movers = new Movers(ledger);
        this.urls = urls;
        this.anomalies = anomalies;
    }

    public Page render(Context ctx) {
        FieldProblem.Reading<Integer> months = FieldProblem.wholeNumber(Optional.ofNullable(ctx.queryParam("months")),
                "months", 1, MAX_MONTHS);
        int shown = months.value().orElse(MONTHS);
        LocalDate last = view.lastDay();
        LocalDate from = last.minusDays(ScopeView.BREAKDOWN_DAYS - 1L);
        CostAnswer teams = ledger.costs(GroupBy.TEAM, from, last.plusDays(1), Optional.empty());
        BigDecimal total = new BigDecimal(teams.total());
        BigDecimal unallocated = new BigDecimal(teams.unallocated());
        Map<String, Object> params = new HashMap<>();
        params.put("currency", teams.currency());
        params.put("months", shown);
        params.put("monthsGiven", months.problem().map(FieldProblem::given).orElse(String.valueOf(shown)));
        params.put("problem", months.problem());
        params.put("trend", trend(YearMonth.from(view.forecasts().today()), shown, teams.currency()));
        params.put("from", from);
        params.put("last", last);
        params.put("total", Amounts.cents(total));
        params.put("unallocated", Amounts.cents(unallocated));
        params.put("unallocatedShare", Amounts.share(unallocated, total).orElse("0.0 %"));
        params.put("teams", teams.groups().stream().map(g -> new Share(g.key(), EntityRef.fromKey("group", g.key())
                .map(PluginUrls::entity).orElse(""), Amounts.cents(g.cost()), Amounts.share(new BigDecimal(g.cost()),
                total).orElse(""))).toList());
        params.put("movers", view.lastKnown().map(day -> movers.of(day, CostPage::costTab)).orElse(List.of()));
        params.put("moversUntil", view.lastKnown());
        params.put("forecasts", view.forecasts(Optional.empty(), true));
        params.put("anomalies", anomalies.render(ctx));
        params.put("anomaliesUrl", urls.page("/anomalies"));
        params.put("importsUrl", urls.page("/imports"));
        params.put("allocationUrl", urls.page("/allocation"));
        params.put("pageUrl", urls.page("/"));
        return new Page("Cost", Templates.render("cost.jte", params));
    }

    /** @return the Cost tab of the service the key names */
    static String costTab(String serviceKey) {
        return PluginUrls.withQuery(PluginUrls.entity(Movers.service(serviceKey)), Map.of("tab", "cost.cost"));
    }

    private Chart trend(YearMonth now, int count, String currency) {
        YearMonth first = now.minusMonths(count - 1L);
        List<YearMonth> months = Stream.iterate(first, m -> m.plusMonths(1)).limit(count).toList();
        Map<String, Map<YearMonth, BigDecimal>> byCategory = categories.read(first, now);
        Chart.Builder chart = Chart.builder("Effective cost by service category per month, last " + count
                + (count == 1 ? " month" : " months"), ChartKind.STACKED_BARS)
                .days("Month from", months.stream().map(m -> m.atDay(1)).toList())
                .yAxis("Cost", currency + "/month")
                .decimals(2)
                .yMin(0)
                .emptyMessage("No cost in these months yet.");
        byCategory.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Map<YearMonth, BigDecimal>> e) -> e.getValue()
                        .values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).reversed()
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> chart.series(new ChartSeries(e.getKey(), months.stream()
                        .map(m -> Optional.ofNullable(e.getValue().get(m))
                                .map(v -> OptionalDouble.of(Amounts.charted(v))).orElse(OptionalDouble.of(0)))
                        .toList())));
        if (byCategory.isEmpty()) {
            chart.series(new ChartSeries("Cost", months.stream().map(m -> OptionalDouble.empty()).toList()));
        }
        return chart.build();
    }
}
