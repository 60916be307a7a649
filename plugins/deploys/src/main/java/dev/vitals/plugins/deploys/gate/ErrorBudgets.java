package dev.vitals.plugins.deploys.gate;

import dev.vitals.api.Setting;
import dev.vitals.api.Signal;
import dev.vitals.api.SignalFilter;
import dev.vitals.api.SignalStatus;
import dev.vitals.api.Signals;
import dev.vitals.plugins.deploys.catalog.ServiceRefs;
import java.time.Instant;
import java.util.Optional;

/**
 * The error-budget verdicts the SLO plugin publishes as signals, read from the host's signals when the gate asks:
 * the gate never reads the SLO plugin's tables, and keeps no copy of its signals. Which plugin and kind count is a
 * setting ({@link #SLO_PLUGIN}, {@link #SLO_SIGNAL_KIND}); a {@code CRITICAL} verdict means the budget is spent.
 */
public final class ErrorBudgets {

    /** {@code VITALS_DEPLOYS_SLO_PLUGIN}. */
    public static final Setting<String> SLO_PLUGIN = Setting.string("slo_plugin",
            "The plugin whose signals are the error-budget verdicts").withDefault("slo");
    /** {@code VITALS_DEPLOYS_SLO_SIGNAL_KIND}. */
    public static final Setting<String> SLO_SIGNAL_KIND = Setting.string("slo_signal_kind",
            "The kind of those signals").withDefault("error-budget");

    private final Signals signals;
    private final String plugin;
    private final String kind;

    /**
     * A service's latest verdict.
     *
     * @param status the SLO plugin's verdict
     * @param summary its words
     * @param observedAt when
     */
    public record Verdict(SignalStatus status, String summary, Instant observedAt) {
        public boolean spent() {
            return status == SignalStatus.CRITICAL;
        }
    }

    /**
     * @param signals the host's signals
     * @param plugin the publishing plugin's id
     * @param kind the kind of its error-budget signals
     */
    public ErrorBudgets(Signals signals, String plugin, String kind) {
        this.signals = signals;
        this.plugin = plugin;
        this.kind = kind;
    }

    /** @param service a service's key @return its latest verdict, if the SLO plugin gave one */
    public Optional<Verdict> of(String service) {
        return signals.latest(SignalFilter.about(ServiceRefs.ref(service)).plugin(plugin).kind(kind)).stream()
                .findFirst().map(ErrorBudgets::verdict);
    }

    private static Verdict verdict(Signal signal) {
        return new Verdict(signal.status(), signal.summary(), signal.observedAt());
    }

    public String plugin() {
        return plugin;
    }
}
