package dev.vitals.plugins.cost;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.PageRoute;
import dev.vitals.api.Panel;
import dev.vitals.api.PluginContext;
import dev.vitals.api.RouteDoc;
import dev.vitals.api.RouteParam;
import dev.vitals.api.ServiceTab;
import dev.vitals.plugins.cost.allocation.Organisation;
import dev.vitals.plugins.cost.costs.CostLedger;
import dev.vitals.plugins.cost.forecast.CostForecast;
import dev.vitals.plugins.cost.forecast.ForecastAnswer;
import dev.vitals.plugins.cost.forecast.ForecastApi;
import dev.vitals.plugins.cost.forecast.KnownDays;
import dev.vitals.plugins.cost.pages.AnomaliesPartial;
import dev.vitals.plugins.cost.pages.CostPages;
import dev.vitals.plugins.cost.unitcost.UnitCost;
import dev.vitals.plugins.cost.unitcost.UnitCostAnswer;
import dev.vitals.plugins.cost.unitcost.UnitCostApi;
import java.time.LocalDate;
import java.util.List;

/**
 * What the plugin shows of the cost it holds: the forecast, the unit cost, and the pages, panels and tab built on
 * them. Built from the context and the ledger in one place, so the factory and the running plugin each wire it with a
 * line.
 */
record CostViews(ForecastApi forecast, UnitCostApi unitCosts, CostPages pages) {

    static CostViews of(PluginContext context, CostLedger ledger, Organisation organisation, String currency,
            AnomaliesPartial anomalies) {
        KnownDays known = new KnownDays(context.jdbi(), context.orgTimeZone());
        CostForecast forecasts = new CostForecast(ledger, known, context.clock(), context.orgTimeZone());
        UnitCost unitCost = new UnitCost(ledger, context.measures());
        CostPages pages = CostPages.of(context, ledger, organisation, forecasts, known, unitCost, anomalies);
        return new CostViews(new ForecastApi(forecasts, organisation, known, currency),
                new UnitCostApi(unitCost, context.catalog()), pages);
    }

    ApiRoute forecastRoute() {
        return ApiRoute.get("/forecast", forecast::forecast)
                .doc(RouteDoc.of("Forecast the cost from the first day of this month to a day")
                        .description("The total over [first day of the current month, until) in the organisation's "
                                + "time zone: the actual cost of the days already imported plus a forecast of the "
                                + "others, with an 80 % interval. Without service, team or program, the whole "
                                + "organisation's, shared and unallocated cost included. Seasonal naive by weekday "
                                + "with a Theil-Sen trend; the interval comes from the errors of past forecasts over "
                                + "as many days ahead. With too little history, note says so and low and high are "
                                + "null. A bad parameter is a 422 naming it.")
                        .query(RouteParam.optional("until", "the day after the last, e.g. 2024-10-01; the first day "
                                + "of next month when absent").ofType(LocalDate.class),
                                RouteParam.optional("service", "only this service's cost, e.g. checkout"),
                                RouteParam.optional("team", "only the cost of this team's services"),
                                RouteParam.optional("program", "only the cost of this program's services"))
                        .returns(ForecastAnswer.class));
    }

    ApiRoute unitCostRoute() {
        return ApiRoute.get("/unit-costs", unitCosts::unitCost)
                .doc(RouteDoc.of("A service's cost per thousand requests over a period")
                        .description("The service's effective cost over [from, to) divided by the requests the SLO "
                                + "plugin published as the measure slo.requests, times 1000. Where no request is "
                                + "counted, perThousandRequests is null and reason says why.")
                        .query(RouteParam.required("service", "the service's key, e.g. checkout"),
                                RouteParam.required("from", "the first day, e.g. 2024-09-01").ofType(LocalDate.class),
                                RouteParam.required("to", "the day after the last, e.g. 2024-10-01")
                                        .ofType(LocalDate.class))
                        .returns(UnitCostAnswer.class));
    }

    List<PageRoute> pageRoutes() {
        return List.of(PageRoute.of("/", pages.overview()::render), PageRoute.of("/imports", pages.imports()::render));
    }

    List<ServiceTab> serviceTabs() {
        return List.of(pages.tab().tab());
    }

    List<Panel> teamPanels() {
        return List.of(pages.panels().team());
    }

    List<Panel> programPanels() {
        return List.of(pages.panels().program());
    }
}
