package dev.vitals.plugins.cost;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.PluginContext;
import dev.vitals.api.RouteDoc;
import dev.vitals.api.RouteParam;
import dev.vitals.plugins.cost.allocation.Organisation;
import dev.vitals.plugins.cost.costs.CostLedger;
import dev.vitals.plugins.cost.forecast.CostForecast;
import dev.vitals.plugins.cost.forecast.ForecastAnswer;
import dev.vitals.plugins.cost.forecast.ForecastApi;
import dev.vitals.plugins.cost.forecast.KnownDays;
import dev.vitals.plugins.cost.imports.ImportHistory;
import dev.vitals.plugins.cost.unitcost.UnitCost;
import dev.vitals.plugins.cost.unitcost.UnitCostAnswer;
import dev.vitals.plugins.cost.unitcost.UnitCostApi;
import java.time.LocalDate;

/**
 * What the plugin shows of the cost it holds: the forecast, the unit cost, and the pages, panels and tab built on
 * them. Built from the context and the ledger in one place, so the factory and the running plugin each wire it with a
 * line.
 */
record CostViews(ForecastApi forecast, UnitCostApi unitCosts) {

    static CostViews of(PluginContext context, CostLedger ledger, Organisation organisation, ImportHistory history,
            String currency) {
        KnownDays known = new KnownDays(context.jdbi(), context.orgTimeZone());
        CostForecast forecasts = new CostForecast(ledger, known, context.clock(), context.orgTimeZone());
        UnitCost unitCost = new UnitCost(ledger, context.measures());
        return new CostViews(new ForecastApi(forecasts, organisation, known, currency),
                new UnitCostApi(unitCost, context.catalog()));
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
}
