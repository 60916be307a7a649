package dev.vitals.plugins.slo.api;

import dev.vitals.plugins.slo.status.AlertState;
import dev.vitals.plugins.slo.status.BurnRateAlert;
import dev.vitals.plugins.slo.status.ErrorBudget;
import dev.vitals.plugins.slo.status.SloStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@code GET /api/slo/slos/{name}/status}: where an SLO stands at one moment. Figures without data are {@code null},
 * never zero.
 *
 * @param name the SLO
 * @param objective the target share of good
 * @param window the SLO's window
 * @param method how good is counted
 * @param at the moment; the window is [windowStart, at)
 * @param windowStart the window's first instant
 * @param attainment good ÷ total over the window
 * @param good good events (occurrences) or minutes (timeslices) in the window
 * @param total all of them
 * @param errorBudget the budget's state
 * @param burnRates per window label ({@code 5m} … {@code 3d}), in that order: the labels are the data here, so they
 *     are keys
 * @param alerts every burn-rate alert and whether it fires
 */
public record StatusJson(String name, BigDecimal objective, String window, String method, String at,
        String windowStart, Double attainment, long good, long total, Budget errorBudget,
        Map<String, Double> burnRates, List<Alert> alerts) {

    /**
     * @param consumed (1 − attainment) ÷ (1 − objective)
     * @param remaining 1 − consumed, negative when overspent
     * @param runsOutAt when it is spent at the one-day burn rate, ISO-8601
     */
    public record Budget(Double consumed, Double remaining, Optional<String> runsOutAt) {
    }

    /**
     * @param severity {@code page} or {@code ticket}
     * @param longWindow e.g. {@code 1h}
     * @param shortWindow e.g. {@code 5m}
     * @param threshold the burn rate both windows must exceed
     * @param longBurnRate the burn rate over the long window
     * @param shortBurnRate the burn rate over the short window
     * @param firing whether both exceed the threshold
     */
    public record Alert(String severity, String longWindow, String shortWindow, double threshold,
            Double longBurnRate, Double shortBurnRate, boolean firing) {
    }

    /** @return the status as the API gives it */
    public static StatusJson of(SloStatus status) {
        Map<String, Double> burns = new LinkedHashMap<>();
        status.burnRates().forEach((label, rate) -> burns.put(label, number(rate)));
        List<Alert> alerts = status.alerts().stream().map(StatusJson::alert).toList();
        return new StatusJson(status.slo().name(), status.slo().objective(), status.slo().window().code(),
                status.slo().method().code(), status.at().toString(), status.windowStart().toString(),
                number(status.attainment()), status.window().good(), status.window().total(),
                new Budget(status.budget().map(ErrorBudget::consumed).orElse(null),
                        status.budget().map(ErrorBudget::remaining).orElse(null),
                        status.budgetRunsOutAt().map(Instant::toString)), burns, alerts);
    }

    private static Alert alert(AlertState a) {
        return new Alert(a.alert().severity(), BurnRateAlert.label(a.alert().longWindow()),
                BurnRateAlert.label(a.alert().shortWindow()), a.alert().threshold(), number(a.longBurn()),
                number(a.shortBurn()), a.firing());
    }

    private static Double number(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }
}
