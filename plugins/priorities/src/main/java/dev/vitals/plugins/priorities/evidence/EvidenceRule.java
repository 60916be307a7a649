package dev.vitals.plugins.priorities.evidence;

import dev.vitals.api.Signal;
import dev.vitals.api.SignalFilter;
import dev.vitals.api.SignalStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Which signals of other plugins propose backlog items, read by the publishing plugin's id and the signal's kind
 * (never their classes). Each rule says of a signal whether its evidence stands, has cleared, or neither (a signal it
 * has no opinion on, such as UNKNOWN for lack of data).
 */
public enum EvidenceRule {
    /** The SLO plugin's error-budget policy: CRITICAL when the budget is spent, WARN when low or burning fast. */
    ERROR_BUDGET("error-budget", "slo", "error-budget", EvidenceRule::byStatus, "Restore the error budget of %s"),
    /** The deploys plugin's DORA verdict: WARN when a key is in the low band. */
    DORA_LOW_BAND("dora-low-band", "deploys", "dora", EvidenceRule::byStatus,
            "Lift the DORA keys of %s out of the low band"),
    /** The graph plugin's dependency rules: a finding of a cycle. */
    DEPENDENCY_CYCLE("dependency-cycle", "graph", "dependency-rules",
            finding(Pattern.compile("in a dependency cycle|depends on itself")),
            "Break the dependency cycle through %s"),
    /** The graph plugin's dependency rules: a finding of a service depending on a higher tier number. */
    TIER_VIOLATION("tier-violation", "graph", "dependency-rules",
            finding(Pattern.compile("tier \\d+ depends on tier \\d+")), "Fix the tier violation of %s"),
    /** The cost plugin's anomalies, one signal per service: WARN or CRITICAL while one is open. */
    COST_ANOMALY("cost-anomaly", "cost", "cost-anomaly", EvidenceRule::byStatus,
            "Look into the cost anomaly of %s");

    private final String kind;
    private final String plugin;
    private final String signalKind;
    private final Function<Signal, Optional<Boolean>> stands;
    private final String title;

    EvidenceRule(String kind, String plugin, String signalKind, Function<Signal, Optional<Boolean>> stands,
            String title) {
        this.kind = kind;
        this.plugin = plugin;
        this.signalKind = signalKind;
        this.stands = stands;
        this.title = title;
    }

    /** @return the proposal kind, e.g. {@code error-budget} */
    public String kind() {
        return kind;
    }

    /** @return the signals this rule reads */
    SignalFilter signals() {
        return SignalFilter.any().plugin(plugin).kind(signalKind);
    }

    /** @return the rules that read this signal */
    public static List<EvidenceRule> reading(Signal signal) {
        return Arrays.stream(values())
                .filter(r -> r.plugin.equals(signal.plugin()) && r.signalKind.equals(signal.kind())).toList();
    }

    /** @return true when the evidence stands, false when it has cleared, empty when the signal says neither */
    Optional<Boolean> stands(Signal signal) {
        return stands.apply(signal);
    }

    /** @return the title of the story it proposes */
    String title(String subject) {
        return title.formatted(subject);
    }

    private static Optional<Boolean> byStatus(Signal signal) {
        return switch (signal.status()) {
            case WARN, CRITICAL -> Optional.of(true);
            case OK -> Optional.of(false);
            case UNKNOWN -> Optional.empty();
        };
    }

    private static Function<Signal, Optional<Boolean>> finding(Pattern finding) {
        return signal -> signal.status() == SignalStatus.UNKNOWN ? Optional.empty()
                : Optional.of(signal.status() != SignalStatus.OK && finding.matcher(signal.summary()).find());
    }
}
