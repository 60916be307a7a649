package dev.vitals.plugins.cost;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.FileImporter;
import dev.vitals.api.Job;
import dev.vitals.api.NavEntry;
import dev.vitals.api.PageRoute;
import dev.vitals.api.Panel;
import dev.vitals.api.Role;
import dev.vitals.api.RouteDoc;
import dev.vitals.api.RouteParam;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.ServiceTab;
import dev.vitals.plugins.cost.costs.CostAnswer;
import dev.vitals.plugins.cost.costs.CostsApi;
import dev.vitals.plugins.cost.costs.DailyAnswer;
import dev.vitals.plugins.cost.costs.GroupBy;
import dev.vitals.plugins.cost.demo.DemoCost;
import dev.vitals.plugins.cost.imports.FocusFileImporter;
import dev.vitals.plugins.cost.imports.ImportList;
import dev.vitals.plugins.cost.imports.ImportResult;
import dev.vitals.plugins.cost.imports.ImportsApi;
import dev.vitals.plugins.cost.rates.NewRate;
import dev.vitals.plugins.cost.rates.Rate;
import dev.vitals.plugins.cost.rates.RateList;
import dev.vitals.plugins.cost.rates.RatesApi;
import dev.vitals.plugins.cost.rules.AllocationRoutes;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The cost plugin as it runs: its routes and page, each bound to an object {@link CostPlugin} built. */
record RunningCost(ImportsApi imports, RatesApi rates, CostsApi costs, DemoCost demo, FocusFileImporter files,
        CostViews views, AllocationRoutes allocation, Watching watching) implements RunningPlugin {

    private static final String FOCUS_EXAMPLE = """
            BillingAccountId,BillingPeriodStart,BillingPeriodEnd,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,\
            ChargeClass,ProviderName,BillingCurrency,BilledCost,EffectiveCost,Tags
            123456789012,2024-09-01T00:00:00Z,2024-10-01T00:00:00Z,2024-09-18T00:00:00Z,2024-09-19T00:00:00Z,Usage,\
            NULL,AWS,USD,12.50,11.25,"{""service"": ""checkout""}"
            """;

    /** The period and the one optional filter both cost routes read. */
    private static final RouteParam[] PERIOD_AND_SCOPE = {
        RouteParam.required("from", "the first day, e.g. 2024-09-01").ofType(LocalDate.class),
        RouteParam.required("to", "the day after the last, e.g. 2024-10-01").ofType(LocalDate.class),
        RouteParam.optional("service", "only this service's cost, e.g. checkout"),
        RouteParam.optional("team", "only the cost of this team's services"),
        RouteParam.optional("program", "only the cost of this program's services")};

    @Override
    public List<ApiRoute> apiRoutes() {
        List<ApiRoute> routes = new java.util.ArrayList<>(List.of(
                ApiRoute.post("/imports", imports::importFile).scoped(ImportsApi.SCOPE)
                        .doc(RouteDoc.of("Import a FOCUS billing export")
                                .description("A FOCUS 1.0, 1.1 or 1.2 CSV file, plain or gzip, from an admin or a "
                                        + "token with scope cost:import. All or nothing: a bad row is refused (422) "
                                        + "naming row, column and reason. Importing a billing account's billing "
                                        + "period again replaces it.")
                                .accepts(RouteDoc.Body.text("text/csv", FOCUS_EXAMPLE))
                                .returns(201, RouteDoc.Body.json(ImportResult.class))),
                ApiRoute.get("/imports", imports::list)
                        .doc(RouteDoc.of("List the imports with billed against effective cost per invoice")
                                .returns(ImportList.class)),
                ApiRoute.get("/rates", rates::list)
                        .doc(RouteDoc.of("List the exchange rates into the reporting currency")
                                .returns(RateList.class)),
                ApiRoute.put("/rates/{currency}/{month}", rates::put).requiring(Role.ADMIN)
                        .doc(RouteDoc.of("Set the rate of a billing currency for one month")
                                .description("How many units of the reporting currency one unit of the currency "
                                        + "is, for charges of billing periods starting in that month (YYYY-MM).")
                                .accepts(NewRate.class, "{\"rate\": 1.0852}")
                                .returns(Rate.class)),
                ApiRoute.get("/costs", costs::costs)
                        .doc(RouteDoc.of("Sum the effective cost per group over a period")
                                .description("Over the days [from, to) of the organisation's time zone, by the day "
                                        + "each charge's period starts. Amounts are exact decimal strings in the "
                                        + "reporting currency.")
                                .query(RouteParam.optional("groupBy", GroupBy.CHOICES + "; service when absent"))
                                .query(PERIOD_AND_SCOPE)
                                .returns(CostAnswer.class)),
                ApiRoute.get("/costs/daily", costs::daily)
                        .doc(RouteDoc.of("Sum the effective cost per day over a period")
                                .query(PERIOD_AND_SCOPE)
                                .returns(DailyAnswer.class)),
                views.forecastRoute(),
                views.unitCostRoute()));
        routes.addAll(allocation.apiRoutes());
        routes.addAll(watching.apiRoutes());
        return List.copyOf(routes);
    }

    @Override
    public List<PageRoute> pages() {
        List<PageRoute> pages = new java.util.ArrayList<>(views.pageRoutes());
        pages.addAll(allocation.pages());
        pages.addAll(watching.pages());
        return List.copyOf(pages);
    }

    @Override
    public List<ServiceTab> serviceTabs() {
        return views.serviceTabs();
    }

    @Override
    public List<Panel> teamPanels() {
        return views.teamPanels();
    }

    @Override
    public List<Panel> programPanels() {
        return views.programPanels();
    }

    @Override
    public List<Job> jobs() {
        return watching.jobs();
    }

    @Override
    public List<NavEntry> navigation() {
        return List.of(new NavEntry("Cost", "/"));
    }

    @Override
    public void seedDemoData() throws Exception {
        demo.seed();
        allocation.seedDemo();
    }

    @Override
    public Optional<FileImporter> fileImporter() {
        return Optional.of(files);
    }
}
