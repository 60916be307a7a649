package dev.vitals.plugins.graph.rules;

import dev.vitals.api.EntityRef;
import dev.vitals.api.PluginContext;
import dev.vitals.api.Signal;
import dev.vitals.api.SignalFilter;
import dev.vitals.api.SignalStatus;
import dev.vitals.api.SignalVerdict;
import dev.vitals.api.Signals;
import dev.vitals.plugins.graph.freshness.GraphHolder;
import dev.vitals.plugins.graph.freshness.GraphSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Publishes the dependency rules as one signal per service, kind {@value #KIND}: WARN naming each broken rule, OK
 * otherwise. Only verdicts that changed are published again, so a steady catalog adds no history. "Has an SLO" is
 * read from the SLO plugin's signals ({@value #SLO_PLUGIN}, kind {@value #SLO_KIND}), never from its classes.
 */
public final class RuleSignals {

    /** The signal kind. */
    public static final String KIND = "dependency-rules";
    /** The plugin whose signals say which services have an SLO. */
    public static final String SLO_PLUGIN = "slo";
    /** The kind of signal it publishes per service with SLOs. */
    static final String SLO_KIND = "error-budget";

    /** Verdicts stored per commit. */
    static final int CHUNK = 1_000;

    private final GraphHolder holder;
    private final PluginContext context;
    private final long maxDependentsWithoutSlo;

    /**
     * @param holder the current graph
     * @param context for the signals and whether the SLO plugin runs
     * @param maxDependentsWithoutSlo N of the SLO rule
     */
    public RuleSignals(GraphHolder holder, PluginContext context, long maxDependentsWithoutSlo) {
        this.holder = holder;
        this.context = context;
        this.maxDependentsWithoutSlo = maxDependentsWithoutSlo;
    }

    /** Checks every service and publishes the verdicts that changed. */
    public void publish() {
        Signals signals = context.signals();
        GraphSnapshot snapshot = holder.current();
        Optional<Set<EntityRef>> withSlo = context.isRunning(SLO_PLUGIN)
                ? Optional.of(signals.latest(SignalFilter.any().plugin(SLO_PLUGIN).kind(SLO_KIND)).stream()
                        .map(Signal::subject).collect(Collectors.toSet()))
                : Optional.empty();
        Map<EntityRef, Signal> published = new HashMap<>();
        signals.latest(SignalFilter.any().plugin(context.pluginId()).kind(KIND))
                .forEach(signal -> published.put(signal.subject(), signal));
        List<SignalVerdict> changed = new ArrayList<>();
        for (RuleVerdict verdict : DependencyRules.check(snapshot.graph(), snapshot.cycles(), withSlo,
                maxDependentsWithoutSlo)) {
            SignalStatus status = verdict.warns() ? SignalStatus.WARN : SignalStatus.OK;
            Signal last = published.get(verdict.service());
            if (last == null || last.status() != status || !last.summary().equals(verdict.summary())) {
                changed.add(new SignalVerdict(verdict.service(), KIND, status, verdict.summary(),
                        OptionalDouble.of(verdict.findings().size()), Optional.empty()));
            }
        }
        // A first check of a big catalog changes every service's verdict: one commit per service took 10,000 services
        // about 40 s, the home grid meanwhile changing with every one. A bounded chunk per commit keeps each
        // transaction's row locks few and short.
        for (int from = 0; from < changed.size(); from += CHUNK) {
            signals.publishAll(changed.subList(from, Math.min(changed.size(), from + CHUNK)));
        }
    }
}
