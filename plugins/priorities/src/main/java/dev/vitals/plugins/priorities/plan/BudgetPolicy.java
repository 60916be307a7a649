package dev.vitals.plugins.priorities.plan;

import dev.vitals.api.EntityRef;
import dev.vitals.api.PluginContext;
import dev.vitals.api.Signal;
import dev.vitals.api.SignalFilter;
import dev.vitals.api.SignalStatus;
import dev.vitals.plugins.priorities.backlog.ServiceOwners;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The error-budget policy made visible: a service whose error budget is spent (the SLO plugin's {@code error-budget}
 * signal is CRITICAL) has its feature work behind reliability work until the budget recovers. Read from the SLO
 * plugin's latest signals, never its classes.
 */
public final class BudgetPolicy {

    public static final String SLO_PLUGIN = "slo";
    public static final String ERROR_BUDGET = "error-budget";

    private final PluginContext context;
    private final ServiceOwners owners;

    public BudgetPolicy(PluginContext context) {
        this.context = context;
        this.owners = new ServiceOwners(context.catalog());
    }

    /** @return the services whose budget is spent now, by owning team: one read of the signals, owners as kept */
    public Map<String, List<Signal>> exhaustedByTeam() {
        List<Signal> spent = context.signals().latest(SignalFilter.any().plugin(SLO_PLUGIN).kind(ERROR_BUDGET))
                .stream().filter(s -> s.status() == SignalStatus.CRITICAL && s.subject().kind().equals("component"))
                .toList();
        Map<String, List<Signal>> byTeam = new TreeMap<>();
        if (spent.isEmpty()) {
            return byTeam;
        }
        Map<EntityRef, EntityRef> owner = owners.of(spent.stream().map(Signal::subject).toList());
        for (Signal signal : spent) {
            EntityRef team = owner.get(signal.subject());
            if (team != null) {
                byTeam.computeIfAbsent(team.toString(), t -> new ArrayList<>()).add(signal);
            }
        }
        return byTeam;
    }

    /** @return the team's services whose budget is spent now */
    public List<Signal> exhausted(EntityRef team) {
        return exhaustedByTeam().getOrDefault(team.toString(), List.of());
    }
}
