package dev.vitals.plugins.deploys.gate;

import dev.vitals.api.CatalogEntity;
import dev.vitals.api.EntityRef;
import dev.vitals.api.PluginSettings;
import dev.vitals.api.Setting;
import dev.vitals.plugins.deploys.ingest.EnvironmentNames;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a service may deploy to an environment now. Production only is gated: blocked during a freeze
 * window that covers the service and while its error budget is spent (when the policy says so and the SLO plugin
 * has signalled); an approved break-glass request overrides both until it lapses.
 */
public final class DeployGate {

    /** {@code VITALS_DEPLOYS_GATE_ERROR_BUDGET}: {@code block} or {@code ignore}. */
    public static final Setting<String> ERROR_BUDGET_POLICY = Setting.string("gate_error_budget",
            "block or ignore a spent error budget").withDefault("block");

    private final EnvironmentNames environments;
    private final FreezeWindows freezes;
    private final ErrorBudgets budgets;
    private final BreakGlass breakGlass;
    private final boolean blockOnSpentBudget;
    private final ZoneId zone;

    /**
     * @param blockOnSpentBudget the error-budget policy ({@code VITALS_DEPLOYS_GATE_ERROR_BUDGET=block|ignore},
     *     default block)
     */
    public DeployGate(EnvironmentNames environments, FreezeWindows freezes, ErrorBudgets budgets,
            BreakGlass breakGlass, boolean blockOnSpentBudget, ZoneId zone) {
        this.environments = environments;
        this.freezes = freezes;
        this.budgets = budgets;
        this.breakGlass = breakGlass;
        this.blockOnSpentBudget = blockOnSpentBudget;
        this.zone = zone;
    }

    /**
     * @param settings the plugin's settings
     * @return true when {@link #ERROR_BUDGET_POLICY} says block
     * @throws IllegalArgumentException when it is neither block nor ignore
     */
    public static boolean blocksOnSpentBudget(PluginSettings settings) {
        String policy = settings.get(ERROR_BUDGET_POLICY).trim();
        if (!policy.equals("block") && !policy.equals("ignore")) {
            throw new IllegalArgumentException(ERROR_BUDGET_POLICY.environmentVariable("deploys")
                    + " must be block or ignore, got " + policy);
        }
        return policy.equals("block");
    }

    /**
     * @param service a service in the catalog
     * @param environment the environment as the pipeline names it
     * @param now the time
     * @return allowed or not, with every reason
     */
    public GateDecision decide(CatalogEntity service, String environment, Instant now) {
        List<String> reasons = new ArrayList<>();
        if (!environments.normalise(environment).equals(EnvironmentNames.PRODUCTION)) {
            reasons.add("only production deploys are gated; " + environment + " is not production");
            return new GateDecision(true, reasons);
        }
        List<String> blocks = new ArrayList<>();
        ZonedDateTime local = now.atZone(zone);
        String key = service.ref().key();
        Optional<String> owner = service.owner().map(EntityRef::key);
        for (FreezeWindow window : freezes.all()) {
            if (window.appliesTo(key, owner) && window.coversTime(local)) {
                blocks.add("frozen: " + window.describe());
            }
        }
        Optional<ErrorBudgets.Verdict> budget = budgets.of(key);
        if (!blockOnSpentBudget) {
            reasons.add("error budget not checked: the policy VITALS_DEPLOYS_GATE_ERROR_BUDGET is ignore");
        } else if (budget.isEmpty()) {
            reasons.add("error budget not checked: no error-budget signal from the " + budgets.plugin()
                    + " plugin for " + key);
        } else if (budget.get().spent()) {
            blocks.add("error budget spent: " + budget.get().summary());
        } else {
            reasons.add("error budget left: " + budget.get().summary());
        }
        if (blocks.isEmpty()) {
            reasons.add(0, "no freeze window covers " + key + " now");
            return new GateDecision(true, reasons);
        }
        Optional<BreakGlassRequest> open = breakGlass.openFor(key, now);
        if (open.isPresent()) {
            BreakGlassRequest glass = open.get();
            reasons.add("break-glass " + glass.id() + " (asked by " + glass.requestedBy() + ", approved by "
                    + glass.approvedBy().orElseThrow() + ") opens the gate until " + glass.openUntil().orElseThrow()
                    + " despite: " + String.join("; ", blocks));
            return new GateDecision(true, reasons);
        }
        blocks.addAll(reasons);
        return new GateDecision(false, blocks);
    }
}
