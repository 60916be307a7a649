package dev.vitals.plugins.slo.status;

import dev.vitals.plugins.slo.objectives.Slo;
import dev.vitals.plugins.slo.samples.Counts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Where an SLO stands at one moment.
 *
 * @param slo the SLO
 * @param at the moment; the window is [windowStart, at)
 * @param windowStart the first instant of the window
 * @param window the counts over the window
 * @param budget the error budget, empty without data
 * @param burnRates burn rate per window label ({@code 5m} … {@code 3d}), empty without data
 * @param alerts every burn-rate alert and whether it fires
 * @param budgetRunsOutAt when the budget is spent at the current one-day burn rate; empty when it is not burning
 *     or already spent
 */
public record SloStatus(Slo slo, Instant at, Instant windowStart, Counts window, Optional<ErrorBudget> budget,
        Map<String, OptionalDouble> burnRates, List<AlertState> alerts, Optional<Instant> budgetRunsOutAt) {

    public OptionalDouble attainment() {
        return window.attainment();
    }

    public boolean paging() {
        return alerts.stream().anyMatch(a -> a.firing() && a.alert().severity().equals("page"));
    }

    public boolean ticketing() {
        return alerts.stream().anyMatch(a -> a.firing() && a.alert().severity().equals("ticket"));
    }
}
