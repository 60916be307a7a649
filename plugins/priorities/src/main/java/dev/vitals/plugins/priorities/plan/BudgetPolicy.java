package dev.vitals.plugins.priorities.plan;

import dev.vitals.api.EntityRef;
import dev.vitals.api.PluginContext;
import dev.vitals.api.Signal;
import dev.vitals.api.SignalFilter;
import dev.vitals.api.SignalStatus;
import dev.vitals.api.Signals;
import dev.vitals.plugins.priorities.backlog.ServiceOwners;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * The error-budget policy made visible: a service whose error budget is spent (the SLO plugin's {@code error-budget}
 * signal is CRITICAL) has its feature work behind reliability work until the budget recovers. Read from the SLO
 * plugin's signals, never its classes.
 *
 * <p>The verdicts are kept in this plugin's {@code budget_verdicts} as they are heard (each new signal, and the
 * hourly hearing of the latest ones for what was published while this plugin was not running), because reading every
 * latest signal on each request cost most of the plan view at 10,000 spent budgets. The table is shared by every
 * instance, so a budget that recovers leaves the plan at once wherever its signal was published.
 */
public final class BudgetPolicy {

    public static final String SLO_PLUGIN = "slo";
    public static final String ERROR_BUDGET = "error-budget";
    /** Verdicts written in one statement when catching up. */
    private static final int CHUNK = 2000;

    private final Jdbi jdbi;
    private final ServiceOwners owners;

    public BudgetPolicy(PluginContext context) {
        this.jdbi = context.jdbi();
        this.owners = new ServiceOwners(context.catalog());
    }

    /**
     * Keeps the error-budget verdicts among the signals; others cost no statement. A verdict older than the one kept
     * for its service changes nothing, so signals heard out of order or twice leave the newest standing.
     */
    public void hearAll(List<Signal> signals) {
        Map<EntityRef, Signal> newest = new LinkedHashMap<>();
        for (Signal signal : signals) {
            if (signal.plugin().equals(SLO_PLUGIN) && signal.kind().equals(ERROR_BUDGET)
                    && signal.subject().kind().equals("component")) {
                // A statement may touch each row once: the newest of a batch speaks for its service.
                newest.merge(signal.subject(), signal, (a, b) -> b.observedAt().isBefore(a.observedAt()) ? a : b);
            }
        }
        if (newest.isEmpty()) {
            return;
        }
        List<Signal> heard = List.copyOf(newest.values());
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO budget_verdicts (subject, spent, observed_at)
                        SELECT * FROM unnest(:subject::text[], :spent::boolean[], :at::timestamptz[])
                        ON CONFLICT (subject) DO UPDATE SET spent = excluded.spent, observed_at = excluded.observed_at
                         WHERE budget_verdicts.observed_at <= excluded.observed_at""")
                .bind("subject", heard.stream().map(s -> s.subject().toString()).toArray(String[]::new))
                .bind("spent", heard.stream().map(s -> s.status() == SignalStatus.CRITICAL).toArray(Boolean[]::new))
                .bind("at", heard.stream().map(s -> s.observedAt().toString()).toArray(String[]::new))
                .execute());
    }

    /**
     * Hears the latest error-budget verdicts again, for what was published while this plugin was not running.
     *
     * @return how many verdicts were heard
     */
    public int catchUp(Signals signals) {
        List<Signal> latest = signals.latest(SignalFilter.any().plugin(SLO_PLUGIN).kind(ERROR_BUDGET));
        for (int from = 0; from < latest.size(); from += CHUNK) {
            hearAll(latest.subList(from, Math.min(latest.size(), from + CHUNK)));
        }
        return latest.size();
    }

    /** @return the services whose budget is spent now, by owning team: one read of the kept verdicts, owners as kept */
    public Map<String, List<EntityRef>> exhaustedByTeam() {
        List<EntityRef> spent = jdbi.withHandle(h -> h.createQuery(
                "SELECT subject FROM budget_verdicts WHERE spent ORDER BY subject")
                .mapTo(String.class).list()).stream().map(EntityRef::parse).toList();
        Map<String, List<EntityRef>> byTeam = new TreeMap<>();
        if (spent.isEmpty()) {
            return byTeam;
        }
        Map<EntityRef, EntityRef> owner = owners.of(spent);
        for (EntityRef service : spent) {
            EntityRef team = owner.get(service);
            if (team != null) {
                byTeam.computeIfAbsent(team.toString(), t -> new ArrayList<>()).add(service);
            }
        }
        return byTeam;
    }

    /** @return the team's services whose budget is spent now */
    public List<EntityRef> exhausted(EntityRef team) {
        return exhaustedByTeam().getOrDefault(team.toString(), List.of());
    }

    /** @return whether the service's budget is spent now */
    public boolean isSpent(EntityRef service) {
        return jdbi.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM budget_verdicts WHERE subject = :s "
                + "AND spent)").bind("s", service.toString()).mapTo(Boolean.class).one());
    }
}
