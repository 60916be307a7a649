package dev.vitals.plugins.cost.pages;

import dev.vitals.api.PluginContext;
import dev.vitals.plugins.cost.allocation.Organisation;
import dev.vitals.plugins.cost.costs.CostLedger;
import dev.vitals.plugins.cost.forecast.CostForecast;
import dev.vitals.plugins.cost.forecast.KnownDays;
import dev.vitals.plugins.cost.unitcost.UnitCost;

/**
 * The plugin's pages, panels and tab, built together since they share their readings.
 *
 * @param overview {@code /p/cost/}
 * @param imports {@code /p/cost/imports}
 * @param panels the team and program panels
 * @param tab the service tab
 */
public record CostPages(CostPage overview, ImportsPage imports, CostPanels panels, ServiceCostTab tab) {

    /**
     * @param anomalies what the overview shows of the open anomalies; {@link AnomaliesPartial#ABSENT} for nothing
     */
    public static CostPages of(PluginContext context, CostLedger ledger, Organisation organisation,
            CostForecast forecasts, KnownDays known, UnitCost unitCost, AnomaliesPartial anomalies) {
        ScopeView view = new ScopeView(ledger, forecasts, known);
        return new CostPages(
                new CostPage(ledger, view, new CategoryMonths(context.jdbi(), context.orgTimeZone()), context.urls(),
                        anomalies),
                new ImportsPage(new ImportPages(context.jdbi()), context.urls(), context.orgTimeZone()),
                new CostPanels(ledger, view, organisation, context.urls()),
                new ServiceCostTab(view, unitCost, context.catalog(), context.urls()));
    }
}
