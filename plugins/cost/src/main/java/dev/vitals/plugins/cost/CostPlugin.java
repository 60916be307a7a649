package dev.vitals.plugins.cost;

import dev.vitals.api.PluginContext;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.Setting;
import dev.vitals.api.VitalsPlugin;
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
import dev.vitals.plugins.cost.pages.CostPage;
import dev.vitals.plugins.cost.rates.Rates;
import dev.vitals.plugins.cost.rates.RatesApi;
import java.util.List;
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
        CostLedger ledger = new CostLedger(context.jdbi(), new ServiceTags(context.catalog()), organisation,
                context.orgTimeZone(), reporting);
        EffectiveCostMeasures measures = new EffectiveCostMeasures(ledger, context.measures());
        ChargeImport imports = new ChargeImport(context.jdbi(), new FocusFile(keys), reporting,
                context.orgTimeZone());

        ImportHistory history = new ImportHistory(context.jdbi(), reporting);
        Watching watching = Watching.of(context, ledger, organisation, reporting);

        return new RunningCost(
                new ImportsApi(imports, history, measures, context.clock()),
                new RatesApi(rates, context.clock()),
                new CostsApi(ledger, organisation),
                new CostPage(ledger, history, context.clock(), context.orgTimeZone()),
                new DemoCost(imports, measures, watching.watch(), context.catalog(), reporting, context.clock(),
                        context.orgTimeZone()),
                new FocusFileImporter(imports, measures, context.clock()), watching);
    }
}
