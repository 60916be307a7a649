package dev.vitals.plugins.deploys.gate;

import dev.vitals.api.EntityRef;
import dev.vitals.api.Signal;
import dev.vitals.api.SignalStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The error-budget verdicts the SLO plugin publishes as signals, kept per service so the gate can read them after
 * a restart. The gate never reads the SLO plugin's tables. Which plugin and kind count is configurable
 * ({@code VITALS_DEPLOYS_SLO_PLUGIN}, default {@code slo}; {@code VITALS_DEPLOYS_SLO_SIGNAL_KIND}, default
 * {@code error-budget}); a {@code CRITICAL} verdict means the budget is spent.
 */
public final class ErrorBudgets {

    private final Jdbi jdbi;
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

    public ErrorBudgets(Jdbi jdbi, String plugin, String kind) {
        this.jdbi = jdbi;
        this.plugin = plugin;
        this.kind = kind;
    }

    /** Keeps the signal if it is an error-budget verdict on a service. @param signal any plugin's signal */
    public void observe(Signal signal) {
        Optional<String> service = serviceOf(signal.subject());
        if (!plugin.equals(signal.plugin()) || !kind.equals(signal.kind()) || service.isEmpty()) {
            return;
        }
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO error_budget_signals (service, status, summary, observed_at)
                        VALUES (:service, :status, :summary, :at)
                        ON CONFLICT (service) DO UPDATE SET status = excluded.status, summary = excluded.summary,
                            observed_at = excluded.observed_at
                        WHERE error_budget_signals.observed_at <= excluded.observed_at""")
                .bind("service", service.get())
                .bind("status", signal.status().name()).bind("summary", signal.summary())
                .bind("at", signal.observedAt()).execute());
    }

    /** The service a subject names, when it is a service in the default namespace, the one gates are keyed by. */
    private static Optional<String> serviceOf(String subject) {
        try {
            EntityRef ref = EntityRef.parse(subject);
            return ref.kind().equals("component") && ref.namespace().equals(EntityRef.DEFAULT_NAMESPACE)
                    ? Optional.of(ref.name()) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** @param service a service @return its latest verdict, if the SLO plugin gave one */
    public Optional<Verdict> of(String service) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM error_budget_signals WHERE service = :s")
                .bind("s", service.toLowerCase(java.util.Locale.ROOT))
                .map((rs, ctx) -> new Verdict(SignalStatus.valueOf(rs.getString("status")), rs.getString("summary"),
                        rs.getObject("observed_at", OffsetDateTime.class).toInstant())).findOne());
    }

    public String plugin() {
        return plugin;
    }
}
