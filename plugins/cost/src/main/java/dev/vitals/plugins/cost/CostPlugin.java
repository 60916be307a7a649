package dev.vitals.plugins.cost;

import dev.vitals.api.PluginContext;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.Setting;
import dev.vitals.api.VitalsPlugin;
import dev.vitals.plugins.cost.allocation.Allocator;
import dev.vitals.plugins.cost.allocation.CatalogShape;
import dev.vitals.plugins.cost.allocation.Organisation;
import dev.vitals.plugins.cost.allocation.ServiceTags;
import dev.vitals.plugins.cost.costs.CostLedger;
import dev.vitals.plugins.cost.costs.CostsApi;
import dev.vitals.plugins.cost.demo.DemoCost;
import dev.vitals.plugins.cost.focus.FocusFile;
import dev.vitals.plugins.cost.imports.ChargeImport;
import dev.vitals.plugins.cost.imports.FocusFileImporter;
import dev.vitals.plugins.cost.imports.ImportHistory;
import dev.vitals.plugins.cost.imports.ImportsApi;
import dev.vitals.plugins.cost.measures.EffectiveCostMeasures;
import dev.vitals.plugins.cost.pages.AllocationPage;
import dev.vitals.plugins.cost.pages.UnallocatedRows;
import dev.vitals.plugins.cost.rules.AllocationRoutes;
import dev.vitals.plugins.cost.rules.AllocationRules;
import dev.vitals.plugins.cost.rules.DemoRule;
import dev.vitals.plugins.cost.rules.RulesApi;
import dev.vitals.plugins.cost.rates.Rates;
import dev.vitals.plugins.cost.rates.RatesApi;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Cloud cost from FinOps FOCUS billing exports: imports, exchange rates, cost per service, team, program, account,
 * provider and category, and each service's daily effective cost as a measure. This class only declares the settings
 * and builds the plugin's objects from its context; {@link RunningCost} says what they serve.
 */
@Extension
public final class CostPlugin implements VitalsPlugin {

    @Override
    public Optional<String> displayName() {
        return Optional.of("Cost");
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(CostSettings.REPORTING_CURRENCY, CostSettings.ALLOCATION_KEYS, CostSettings.DETECT_EVERY,
                CostSettings.NOTIFY_EVERY, CostSettings.ALERT_RELATIVE_PERCENT, CostSettings.ALERT_FLOOR_PER_DAY);
    }

    @Override
    public List<String> scopes() {
        return List.of(ImportsApi.SCOPE);
    }

    @Override
    public RunningPlugin create(PluginContext context) {
        String reporting = CostSettings.reportingCurrency(context.settings().get(CostSettings.REPORTING_CURRENCY));
        List<String> keys = CostSettings.allocationKeys(context.settings().get(CostSettings.ALLOCATION_KEYS));

        Rates rates = new Rates(context.jdbi(), reporting);
        Organisation organisation = new Organisation(context.catalog());
        ServiceTags tags = new ServiceTags(context.catalog());
        Allocator allocator = new Allocator(context.jdbi(), new CatalogShape(context.catalog(), tags),
                context.measures(), context.orgTimeZone());
        CostLedger ledger = new CostLedger(context.jdbi(), tags, organisation, context.orgTimeZone(), reporting,
                allocator);
        EffectiveCostMeasures measures = new EffectiveCostMeasures(ledger, context.measures());
        ChargeImport imports = new ChargeImport(context.jdbi(), new FocusFile(keys), reporting,
                context.orgTimeZone());

        ImportHistory history = new ImportHistory(context.jdbi(), reporting);
        Watching watching = Watching.of(context, ledger, organisation, reporting);
        CostViews views = CostViews.of(context, ledger, organisation, reporting,
                ctx -> watching.section().content(Optional.empty(), Map.of()));

        AllocationRules rules = new AllocationRules(context.jdbi(), allocator, context.catalog(), measures,
                context.clock(), reporting);
        AllocationPage allocationPage = new AllocationPage(rules, new Rates(context.jdbi(), reporting),
                new UnallocatedRows(context.jdbi(), context.orgTimeZone(), keys), context.clock(),
                context.orgTimeZone(), context.urls());

        return new RunningCost(
                new ImportsApi(imports, history, measures, context.clock()),
                new RatesApi(rates, context.clock()),
                new CostsApi(ledger, organisation),
                new DemoCost(imports, measures, watching.watch(), context.catalog(), reporting, context.clock(),
                        context.orgTimeZone()),
                new FocusFileImporter(imports, measures, context.clock()),
                views,
                new AllocationRoutes(new RulesApi(rules, context.clock()), allocationPage::routes,
                        new DemoRule(rules)),
                watching);
    }
}
