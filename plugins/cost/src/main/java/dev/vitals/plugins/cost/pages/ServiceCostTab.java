package dev.vitals.plugins.cost.pages;

import dev.vitals.api.CatalogView;
import dev.vitals.api.EntityRef;
import dev.vitals.api.PluginUrls;
import dev.vitals.api.ServiceTab;
import dev.vitals.api.ui.Chart;
import dev.vitals.api.ui.ChartKind;
import dev.vitals.api.ui.ChartSeries;
import dev.vitals.plugins.cost.unitcost.UnitCost;
import dev.vitals.plugins.cost.unitcost.UnitCostAnswer;
import gg.jte.Content;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The Cost tab of every service page: cost over time, by category and provider, the forecast, and the unit cost next
 * to the traffic the SLO plugin counts ({@code slo.requests}).
 */
public final class ServiceCostTab {

    private final ScopeView view;
    private final UnitCost unitCost;
    private final CatalogView catalog;
    private final PluginUrls urls;

    ServiceCostTab(ScopeView view, UnitCost unitCost, CatalogView catalog, PluginUrls urls) {
        this.view = view;
        this.unitCost = unitCost;
        this.catalog = catalog;
        this.urls = urls;
    }

    public ServiceTab tab() {
        return new ServiceTab("cost", "Cost", (ctx, service) -> render(service));
    }

    private Content render(EntityRef service) {
        EntityRef ref = catalog.entity(service).map(e -> e.ref()).orElse(service);
        ScopeSummary summary = view.summary(Optional.of(Set.of(ref)), false);
        LocalDate last = summary.last();
        UnitCostAnswer unit = unitCost.of(ref, summary.from(), last.plusDays(1));
        LocalDate first = last.minusDays(ScopeView.CHART_DAYS - 1L);
        List<LocalDate> days = Stream.iterate(first, d -> !d.isAfter(last), d -> d.plusDays(1)).toList();
        Map<LocalDate, BigDecimal> requests = unitCost.requestsPerDay(ref, first, last.plusDays(1));
        Chart traffic = Chart.builder("Requests per day, last " + ScopeView.CHART_DAYS + " days, as the SLO plugin "
                + "counts them", ChartKind.LINES)
                .days("Day", days)
                .yAxis("Requests", "requests/day")
                .yMin(0)
                .series(new ChartSeries("Requests", days.stream().map(d -> Optional.ofNullable(requests.get(d))
                        .map(v -> OptionalDouble.of(v.doubleValue())).orElse(OptionalDouble.empty())).toList()))
                .emptyMessage("No request counts in these days.")
                .build();
        Map<String, Object> params = new HashMap<>();
        params.put("service", ref.key());
        params.put("summary", summary);
        params.put("unit", unit);
        params.put("unitCost", unit.perThousandRequests().map(v -> new BigDecimal(v)
                .setScale(4, java.math.RoundingMode.HALF_EVEN).toPlainString()));
        params.put("traffic", traffic);
        params.put("overviewUrl", urls.page("/"));
        params.put("teamUrl", catalog.entity(ref).flatMap(e -> e.owner()).map(PluginUrls::entity));
        params.put("unitCostApi", PluginUrls.withQuery(urls.api("/unit-costs"), Map.of("service", ref.key(),
                "from", summary.from(), "to", last.plusDays(1))));
        return Templates.render("service-tab.jte", params);
    }
}
